using Reconciler.Core.Diagnostics;
using Reconciler.Core.Loading;

namespace Reconciler.Core.TaskSets;

/// <summary>An inline item's values, found in the set's own YAML under <c>/spec/items/N</c>.</summary>
internal sealed class InlineItemPositions(TaskSetDocument set, int index) : IItemPositions
{
    private readonly string _prefix = JsonPointers.Append("/spec/items", index);

    public SourceLocation Locate(string itemPointer) => set.Locate(_prefix + itemPointer);

    public SourceLocation LocateKey(string itemPointer) => set.LocateKey(_prefix + itemPointer);
}
