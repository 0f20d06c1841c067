namespace Reconciler.Core.TaskSets;

/// <summary>What a CSV column holds: one of the item's identity columns, or a field of its spec.</summary>
internal enum CsvColumnRole
{
    TaskId,
    UserId,
    SubUserId,
    Spec,
}
