using Reconciler.Core.Applying;

namespace Reconciler.Core.Tests.Applying;

/// <summary>Collects progress reports as they arrive (from several tasks at once), without a synchronization context.</summary>
internal sealed class RecordingProgress(List<TaskApplyResult> seen) : IProgress<TaskApplyResult>
{
    public void Report(TaskApplyResult value)
    {
        lock (seen)
        {
            seen.Add(value);
        }
    }
}
