namespace Reconciler.Core.Rendering;

/// <summary>
/// Characters left for the cuttable middle of a markdown plan. Each part either fits whole or is left
/// out and counted; a part that does not fit never stops smaller ones after it from being kept, so one
/// enormous diff or message cannot hide everything that follows it.
/// </summary>
internal sealed class MarkdownBudget(int available)
{
    private int _remaining = available;

    public IReadOnlyList<string> Take(IReadOnlyList<string> parts)
    {
        var kept = new List<string>(parts.Count);
        foreach (var part in parts)
        {
            if (part.Length <= _remaining)
            {
                kept.Add(part);
                _remaining -= part.Length;
            }
        }

        return kept;
    }
}
