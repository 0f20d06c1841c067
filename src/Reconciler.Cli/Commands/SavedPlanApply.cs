using System.CommandLine;
using System.Globalization;
using Reconciler.Cli.Apply;
using Reconciler.Cli.Output;
using Reconciler.Core.Rendering;
using Reconciler.Core.SavedPlans;
using Reconciler.Core.State;
using Reconciler.Service.Configuration;
using Reconciler.Service.State;

namespace Reconciler.Cli.Commands;

/// <summary>
/// <c>reconciler apply FILE</c>: a saved plan (<c>plan --out FILE</c>), applied exactly. The file is checked (format,
/// digest), the manifests are read again from where the plan read them, and holding the state's apply lock the engine
/// checks the plan against what is true now (<see cref="SavedPlanCheck"/>). A refusal names every reason and sends
/// nothing; otherwise the plan's own entries and bodies are shown, confirmed and applied.
/// </summary>
internal static class SavedPlanApply
{
    public static readonly TimeSpan DefaultMaxAge = TimeSpan.FromHours(24);

    public static Option<string?> MaxAgeOption() => new("--max-plan-age")
    {
        Description = "With a saved plan: refuse it when it is older than this (e.g. 30m, 2h, 72h; default 24h).",
        HelpName = "DURATION",
    };

    /// <summary>The saved plan DIR names, when it names a file (a directory of manifests otherwise).</summary>
    public static string? Names(ParseResult result, ManifestInputOptions inputs, CliConsole console) =>
        result.GetValue(inputs.Repository) is null && result.GetValue(inputs.Directory) is { } typed
            && File.Exists(console.ResolvePath(typed)) && !Directory.Exists(console.ResolvePath(typed))
            ? typed
            : null;

    public static void AddValidators(Command command, Option<string?> maxAge)
    {
        command.Validators.Add(result =>
        {
            if (result.GetValue(maxAge) is { } text && !(DurationText.TryParse(text, out var age) && age > TimeSpan.Zero))
            {
                result.AddError($"--max-plan-age '{text}' is not a duration such as 30m, 2h or 72h");
            }
        });
    }

    public static TimeSpan MaxAge(string? text) => text is not null && DurationText.TryParse(text, out var age) ? age : DefaultMaxAge;

    public static async Task<int> RunAsync(string path, ParseResult result, CliConsole console, StateOptions state, ApiOptions api, PlanningOptions planning, ManifestInputOptions inputs, ApplyFlags flags, CancellationToken cancellationToken)
    {
        RefuseOptions(result, state, planning, inputs);
        SavedPlan saved;
        try
        {
            saved = SavedPlanFile.Read(await ReadAsync(path, console, cancellationToken));
        }
        catch (SavedPlanFileException e)
        {
            return await RefuseAsync(path, [new Staleness(null, null, $"the file cannot be trusted: {e.Message}")], console);
        }

        var receivers = ApplyNotifications.Parse(flags.Notify);
        if (!result.GetValue(api.Simulator))
        {
            ApiTokenCheck.Require(console, "apply");
        }

        await console.Error.WriteLineAsync(
            $"reconciler: saved plan {path}: made {saved.CreatedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture)} against {saved.State.Location} (serial {saved.State.Serial}) for {saved.State.Endpoint}{(saved.Source.Revision is { } revision ? $" at revision {PlanText.Short(revision)}" : "")}; {saved.Summary}");
        var source = saved.Source;
        using var input = await ManifestInputOptions.ReadAsync(
            new ManifestRequest(source.Directory, source.Repository, source.Ref ?? "main", source.RepositoryPath ?? "", source.Include, source.Exclude, ManifestInputOptions.DefaultCacheDirectory, "apply"),
            console,
            cancellationToken);
        var (snapshot, prefix) = (input.Snapshot, input.DisplayPrefix);
        if (ManifestDigest.Of(snapshot) != source.ManifestsDigest)
        {
            await console.Error.WriteLineAsync($"reconciler: the manifests changed since the plan; only its {saved.Entries.Count} planned task(s) are checked and applied (other changes wait for another plan)");
        }

        var pipeline = console.NewPipeline();
        var desired = pipeline.Evaluate(snapshot);
        var location = StateStoreLocator.Resolve(result.GetValue(state.State) ?? saved.State.Location, console.WorkingDirectory);
        var store = saved.State.StoreId is null
            ? await StateStoreLocator.OpenAsync(location, console.Environment, null, cancellationToken)
            : await StateStoreLocator.OpenIfExistsAsync(location, console.Environment, null, cancellationToken);
        if (store is null)
        {
            return await RefuseAsync(path, [new Staleness(null, null, $"it was made for the state at {saved.State.Location}, and there is no state at {location.Display} (give --state)")], console);
        }

        await using var session = await ApplySession.OpenAsync(store, location, result, api, () => desired, pipeline, console, cancellationToken);
        var verdict = await session.Engine.PlanSavedAsync(saved, desired, session.Endpoint, flags.MaxPlanAge, cancellationToken);
        if (verdict.Pending is not { } pending)
        {
            return await RefuseAsync(path, verdict.Stale, console);
        }

        // Checked first, bound after: binding an unbound state is a write, and would itself look like a change.
        await state.BindAsync(session.Store, session.Endpoint, result, console, cancellationToken);
        await console.Out.WriteAsync(new TextPlanRenderer(console.UseColor, flags.ListGrouped, prefix).Render(pending.Plan));
        if (pending.Plan.Entries.Count == 0)
        {
            await console.Out.WriteLineAsync("No changes: the saved plan has nothing to apply.");
            return ExitCodes.Success;
        }

        return await ApplyCommand.ConfirmAndApplyAsync(session.Engine, pending, flags.AutoApprove, receivers, source.Repository ?? console.ResolvePath(source.Directory ?? "."), console, cancellationToken);
    }

    /// <summary>Options fixed when the plan was made have no meaning here: say so rather than silently ignore them.</summary>
    private static void RefuseOptions(ParseResult result, StateOptions state, PlanningOptions planning, ManifestInputOptions inputs)
    {
        var given = new (bool Given, string Name)[]
        {
            ((result.GetValue(planning.Target) ?? []).Length > 0, "--target"),
            (result.GetValue(planning.Refresh), "--refresh"),
            ((result.GetValue(inputs.Include) ?? []).Length > 0, "--include"),
            ((result.GetValue(inputs.Exclude) ?? []).Length > 0, "--exclude"),
            (result.GetValue(state.Rebind), "--rebind-state"),
        }.Where(o => o.Given).Select(o => o.Name).ToList();
        if (given.Count > 0)
        {
            throw new CliException($"{string.Join(", ", given)}: a saved plan is applied as it was made (its targets, refresh and manifests were fixed by `plan --out`); plan again with them instead");
        }
    }

    private static async Task<string> ReadAsync(string path, CliConsole console, CancellationToken cancellationToken)
    {
        try
        {
            return await File.ReadAllTextAsync(console.ResolvePath(path), cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"could not read the saved plan '{path}': {e.Message}", e);
        }
    }

    /// <summary>Every reason, one per line, then what to do; nothing was sent and nothing was written.</summary>
    private static async Task<int> RefuseAsync(string path, IReadOnlyList<Staleness> stale, CliConsole console)
    {
        var tasks = stale.Where(s => s.Task is not null).Select(s => s.Task).Distinct().Count();
        await console.Error.WriteLineAsync($"reconciler: error: the saved plan {path} was not applied, nothing was sent{(tasks > 0 ? $" ({tasks} stale task{(tasks == 1 ? "" : "s")})" : "")}:");
        foreach (var reason in stale)
        {
            await console.Error.WriteLineAsync($"  - {Core.Text.ControlText.Escape(reason.ToString())}");
        }

        await console.Error.WriteLineAsync("reconciler: make a new plan (reconciler plan DIR --out FILE), review it, and apply that one");
        return ExitCodes.Error;
    }
}
