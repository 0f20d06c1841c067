using System.CommandLine;
using Reconciler.Core.Applying.Rollout;
using Reconciler.Service.Configuration;

namespace Reconciler.Cli.Commands;

/// <summary><c>apply</c>'s staged rollout: <c>--batch</c>, <c>--canary</c>, <c>--batch-pause</c>, <c>--halt-on-rejected</c>, <c>--halt-on-failed</c>.</summary>
internal sealed class RolloutFlags
{
    public Option<string?> Batch { get; } = new("--batch")
    {
        Description = "Send the updates in batches of SIZE: a count (25) or a share of the plan's updates (10%). Each batch is judged before the next is sent; see --halt-on-rejected. Default: everything at once.",
        HelpName = "SIZE",
    };

    public Option<string?> Canary { get; } = new("--canary")
    {
        Description = "The first batch only (a count or a share); later batches are --batch (default: the rest at once).",
        HelpName = "SIZE",
    };

    public Option<string?> BatchPause { get; } = new("--batch-pause")
    {
        Description = "Wait this long between batches, e.g. 30s or 5m (default: none).",
        HelpName = "DURATION",
    };

    public Option<double?> HaltOnRejected { get; } = new("--halt-on-rejected")
    {
        Description = $"Halt the rollout when more than this percentage of a batch is rejected (default {RolloutOptions.DefaultHaltPercent}; 0: any rejection).",
        HelpName = "PERCENT",
    };

    public Option<double?> HaltOnFailed { get; } = new("--halt-on-failed")
    {
        Description = $"Halt the rollout when more than this percentage of a batch fails or is unauthorized (default {RolloutOptions.DefaultHaltPercent}).",
        HelpName = "PERCENT",
    };

    public void AddTo(Command command)
    {
        command.Options.Add(Batch);
        command.Options.Add(Canary);
        command.Options.Add(BatchPause);
        command.Options.Add(HaltOnRejected);
        command.Options.Add(HaltOnFailed);
    }

    /// <summary>The rollout asked for, or null without <c>--batch</c> and <c>--canary</c> (the other flags then need one of them).</summary>
    public RolloutOptions? Read(ParseResult result)
    {
        var batch = Size(result.GetValue(Batch), "--batch");
        var canary = Size(result.GetValue(Canary), "--canary");
        if (batch is null && canary is null)
        {
            return result.GetValue(BatchPause) is null && result.GetValue(HaltOnRejected) is null && result.GetValue(HaltOnFailed) is null
                ? null
                : throw new CliException("--batch-pause, --halt-on-rejected and --halt-on-failed need --batch or --canary");
        }

        var pause = TimeSpan.Zero;
        if (result.GetValue(BatchPause) is { } text && !DurationText.TryParse(text, out pause))
        {
            throw new CliException($"--batch-pause: '{text}' is not a duration: write e.g. 500ms, 30s, 5m or 00:05:00");
        }

        return new RolloutOptions(
            batch ?? new BatchSize(100, IsPercent: true),
            canary,
            pause,
            Percent(result.GetValue(HaltOnRejected), "--halt-on-rejected"),
            Percent(result.GetValue(HaltOnFailed), "--halt-on-failed"));
    }

    private static BatchSize? Size(string? text, string flag) => text is null ? null
        : BatchSize.TryParse(text) ?? throw new CliException($"{flag}: '{text}' is not a batch size: a whole number of tasks (25) or a percentage (10%)");

    private static double Percent(double? value, string flag) => value switch
    {
        null => RolloutOptions.DefaultHaltPercent,
        >= 0 and <= 100 => value.Value,
        _ => throw new CliException($"{flag} must be a percentage from 0 to 100"),
    };
}
