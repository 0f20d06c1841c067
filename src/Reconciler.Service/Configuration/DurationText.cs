using System.Globalization;

namespace Reconciler.Service.Configuration;

/// <summary>Durations as people write them in flags and config files: <c>500ms</c>, <c>30s</c>, <c>5m</c>, <c>1h</c>, or <c>00:05:00</c>.</summary>
public static class DurationText
{
    public static bool TryParse(string? text, out TimeSpan value)
    {
        value = default;
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return false;
        }

        (string Suffix, double Scale)[] units = [("ms", 0.001), ("s", 1), ("m", 60), ("h", 3600)];
        foreach (var (suffix, scale) in units)
        {
            if (trimmed.EndsWith(suffix, StringComparison.OrdinalIgnoreCase)
                && double.TryParse(trimmed[..^suffix.Length], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
            {
                value = TimeSpan.FromSeconds(number * scale);
                return true;
            }
        }

        return TimeSpan.TryParse(trimmed, CultureInfo.InvariantCulture, out value) && value >= TimeSpan.Zero;
    }

    /// <summary><c>90s</c> → <c>1m30s</c>; for logs and status.</summary>
    public static string Format(TimeSpan value)
    {
        if (value < TimeSpan.FromSeconds(1))
        {
            return $"{value.TotalMilliseconds:0}ms";
        }

        var parts = new List<string>();
        if (value.Hours + (value.Days * 24) > 0)
        {
            parts.Add($"{value.Hours + (value.Days * 24)}h");
        }

        if (value.Minutes > 0)
        {
            parts.Add($"{value.Minutes}m");
        }

        if (value.Seconds > 0 || parts.Count == 0)
        {
            parts.Add($"{value.Seconds}s");
        }

        return string.Concat(parts);
    }
}
