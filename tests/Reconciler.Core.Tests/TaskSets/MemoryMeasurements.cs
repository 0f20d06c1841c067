namespace Reconciler.Core.Tests.TaskSets;

/// <summary>Tests that measure memory run alone: another test allocating at the same time would be counted too.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MemoryMeasurements
{
    public const string Name = "memory measurements";
}
