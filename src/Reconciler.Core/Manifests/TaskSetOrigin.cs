namespace Reconciler.Core.Manifests;

/// <summary>The TaskSet a task was expanded from.</summary>
/// <param name="Name">The set's <c>metadata.name</c>, unique in the repository (<c>plan --target NAME</c> plans all its tasks).</param>
/// <param name="File">The set's manifest file: recorded as each task's source, also for tasks written in its CSV file.</param>
public sealed record TaskSetOrigin(string Name, string File);
