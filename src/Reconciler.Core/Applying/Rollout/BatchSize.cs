using System.Globalization;

namespace Reconciler.Core.Applying.Rollout;

/// <summary>A batch's size: a count of tasks, or a percentage of the plan's updates (<c>25</c> or <c>10%</c>).</summary>
public sealed record BatchSize(double Value, bool IsPercent)
{
    /// <summary>Reads <c>N</c> (a whole number, at least 1) or <c>P%</c> (more than 0, at most 100); null when it is neither.</summary>
    public static BatchSize? TryParse(string? text)
    {
        var trimmed = text?.Trim() ?? "";
        if (trimmed.EndsWith('%'))
        {
            return double.TryParse(trimmed[..^1], NumberStyles.Float, CultureInfo.InvariantCulture, out var percent) && percent is > 0 and <= 100
                ? new BatchSize(percent, IsPercent: true)
                : null;
        }

        return int.TryParse(trimmed, NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count >= 1 ? new BatchSize(count, IsPercent: false) : null;
    }

    /// <summary>The number of tasks out of <paramref name="total"/>: a percentage rounds up, and a batch holds at least one.</summary>
    public int Of(int total) => Math.Max(1, IsPercent ? (int)Math.Ceiling(total * Value / 100) : (int)Value);

    public override string ToString() => IsPercent ? Value.ToString(CultureInfo.InvariantCulture) + "%" : Value.ToString(CultureInfo.InvariantCulture);
}
