using System.Text;
using Reconciler.Core.Applying;
using Reconciler.Core.Manifests;

namespace Reconciler.TaskApi.Tests.Support;

/// <summary>
/// The client's tests write bodies as text (<c>SampleBodies</c>, malformed JSON); the port takes UTF-8. These send the
/// text's UTF-8 bytes exactly, as the engine sends a canonical body's.
/// </summary>
internal static class TextBodyUpdates
{
    public static Task<TaskApiResult> UpdateTaskAsync(this ITaskApi api, TaskIdentity identity, string json, CancellationToken cancellationToken) =>
        api.UpdateTaskAsync(identity, Encoding.UTF8.GetBytes(json), cancellationToken);

    public static Task<TaskApiResult> UpdateTaskAsync(this ITaskApi api, TaskIdentity identity, string json, TimeSpan within, CancellationToken cancellationToken) =>
        api.UpdateTaskAsync(identity, Encoding.UTF8.GetBytes(json), within, cancellationToken);
}
