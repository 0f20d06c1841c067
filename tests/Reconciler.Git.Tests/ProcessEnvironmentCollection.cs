namespace Reconciler.Git.Tests;

/// <summary>Tests that change process environment variables run alone: the variables are process-wide.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessEnvironmentCollection
{
    public const string Name = "process environment";
}
