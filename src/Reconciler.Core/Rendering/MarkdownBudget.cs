namespace Reconciler.Core.Rendering;

/// <summary>
/// Characters left for the cuttable middle of a markdown plan. Each part either fits whole or is left
/// out and counted; a part that does not fit never stops smaller ones after it from being kept, so one
/// enormous diff or message cannot hide everything that follows it.
/// </summary>
internal sealed class MarkdownBudget(int available)
{
    private int _remaining = available;

    public IReadOnlyList<string> Take(IReadOnlyList<string> parts) => Take(parts, part => part.Length);

    /// <summary>Keeps each part whose <paramref name="cost"/> still fits, in order.</summary>
    public IReadOnlyList<T> Take<T>(IReadOnlyList<T> parts, Func<T, int> cost)
    {
        ArgumentNullException.ThrowIfNull(parts);
        ArgumentNullException.ThrowIfNull(cost);
        var kept = new List<T>(parts.Count);
        foreach (var part in parts)
        {
            var length = cost(part);
            if (length <= _remaining)
            {
                kept.Add(part);
                _remaining -= length;
            }
        }

        return kept;
    }
}
