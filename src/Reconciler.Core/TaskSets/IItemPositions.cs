using Reconciler.Core.Diagnostics;

namespace Reconciler.Core.TaskSets;

/// <summary>Where the values of one item are written; pointers are relative to the item (<c>/task_id</c>, <c>/spec/name</c>).</summary>
internal interface IItemPositions
{
    SourceLocation Locate(string itemPointer);

    SourceLocation LocateKey(string itemPointer);
}
