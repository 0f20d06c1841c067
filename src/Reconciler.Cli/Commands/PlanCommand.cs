using System.CommandLine;
using Reconciler.Cli.Output;
using Reconciler.Core.Planning;
using Reconciler.Core.Reconciling;
using Reconciler.Core.SavedPlans;

namespace Reconciler.Cli.Commands;

/// <summary><c>reconciler plan [DIR]</c>: what apply would do, without doing it.</summary>
internal static class PlanCommand
{
    public static Command Create(CliConsole console)
    {
        var inputs = new ManifestInputOptions();
        var state = new StateOptions(simulatorDefault: true);
        var format = EnumOption.Create<PlanFormat>("--format", "Output format: text (default), json, markdown, or github (text plus workflow annotations; automatic when GITHUB_ACTIONS=true).");
        var listGrouped = PlanFormats.ListGrouped();
        var detailed = new Option<bool>("--detailed-exitcode") { Description = "Exit 0 when there is nothing to do, 1 on error, 2 when there are changes (like terraform plan -detailed-exitcode)." };
        var baseRef = new Option<string?>("--base") { Description = "Plan a change set in pure git: compare DIR (or --head) with the manifests at this revision of DIR's git repository (e.g. origin/main) instead of the state store." };
        var headRef = new Option<string?>("--head") { Description = "With --base: read the head from this revision instead of the files in DIR." };
        var pullRequest = new PullRequestOptions();
        var planning = new PlanningOptions();
        var saving = new SavedPlanOutput();
        var api = new ApiOptions();
        var command = new Command("plan", """
            Show what apply would change: compares the manifests with the last-applied state and lists
            each task as update, adopt, unchanged, unmanage, invalid or suspended, with field-level
            changes. Nothing is sent to the platform. With --base, compares with another git revision
            instead (what a pull request changes), with no state store.

            Exit codes: 0 success, 1 error or invalid manifests, 2 changes present (only with
            --detailed-exitcode), 6 the plan could not be posted to the pull request (only with
            --require-publish; without it a failed publish is reported and the exit code is the plan's).

            Examples:
              reconciler plan sample-repo
              reconciler plan sample-repo --simulator --refresh
              reconciler plan . --state /var/lib/reconciler/state.db --format json
              reconciler plan . --base origin/main --format markdown --detailed-exitcode
              reconciler plan . --base origin/main --github-repo acme/call-tasks --pr 42
              reconciler plan --repo https://github.com/acme/call-tasks.git --ref main
              RECONCILER_API_TOKEN=... reconciler plan . --refresh --detailed-exitcode
              reconciler plan . --target tasks/east.yaml
              reconciler plan . --state /var/lib/reconciler/state.db --out plan.out
            """);
        inputs.AddTo(command);
        command.Options.Add(state.State);
        command.Options.Add(format);
        command.Options.Add(listGrouped);
        command.Options.Add(detailed);
        command.Options.Add(baseRef);
        command.Options.Add(headRef);
        pullRequest.AddTo(command);
        planning.AddTo(command);
        command.Options.Add(saving.Out);
        command.Options.Add(api.ApiUrl);
        command.Options.Add(api.Parallelism);
        command.Options.Add(api.MaxRps);
        command.Options.Add(api.Simulator);
        command.Validators.Add(result =>
        {
            if (result.GetValue(api.Simulator) && (result.GetValue(api.ApiUrl) is not null || result.GetValue(baseRef) is not null))
            {
                result.AddError("--simulator plans against the trial's own state: it cannot be combined with --api-url or --base");
            }

            if (result.GetValue(api.Simulator) && result.GetValue(saving.Out) is not null)
            {
                result.AddError("--out saves a plan to apply to the platform's state; a trial is applied with apply --simulator, not from a saved plan");
            }

            if (result.GetValue(headRef) is not null && result.GetValue(baseRef) is null)
            {
                result.AddError("--head needs --base");
            }

            if (result.GetValue(baseRef) is not null && result.GetValue(inputs.Repository) is not null)
            {
                result.AddError("--base works on the git working copy holding DIR; it cannot be combined with --repo");
            }

            if (result.GetValue(baseRef) is not null && result.GetValue(saving.Out) is not null)
            {
                result.AddError("--out saves a plan against the state, to be applied to it; a plan against --base compares two revisions and cannot be applied");
            }
        });
        command.SetAction(async (result, cancellationToken) =>
        {
            var (plan, prefix, save) = result.GetValue(baseRef) is { } baseRevision
                ? await PlanAgainstBaseAsync(result, inputs, baseRevision, headRef, console, cancellationToken)
                : await PlanAgainstStateAsync(result, inputs, state, planning, api, saving: result.GetValue(saving.Out) is not null, console, cancellationToken);
            await PlanOutput.WriteAsync(plan, prefix, result.GetValue(format), result.GetValue(listGrouped), console, cancellationToken);
            var savedPlan = result.GetValue(saving.Out);
            var exitCode = PlanOutput.ExitCode(plan, result.GetValue(detailed));
            if (result.GetValue(pullRequest.Repository) is { } repository && result.GetValue(pullRequest.PullRequest) is { } number)
            {
                exitCode = await PullRequestPublishing.PublishAsync(plan, new(repository, number, result.GetValue(pullRequest.Sha), result.GetValue(pullRequest.ApiUrl), prefix), savedPlan, result.GetValue(pullRequest.RequirePublish), exitCode, console, cancellationToken);
            }

            if (savedPlan is not null)
            {
                await SavedPlanOutput.WriteAsync(savedPlan, plan, save!, console, cancellationToken);
            }

            return exitCode;
        });
        return command;
    }

    private static async Task<(Plan Plan, string Prefix, Func<SavedPlan>? Save)> PlanAgainstBaseAsync(ParseResult result, ManifestInputOptions inputs, string baseRevision, Option<string?> headRef, CliConsole console, CancellationToken cancellationToken)
    {
        var (plan, prefix) = await PullRequestBaseline.PlanAsync(console.ResolvePath(result.GetValue(inputs.Directory) ?? "."), result.GetValue(inputs.Directory) ?? ".", inputs.Glob(result), baseRevision, result.GetValue(headRef), cancellationToken);
        return (plan, prefix, null);
    }

    /// <param name="saving">With <c>--out</c>: only then are the manifests' digest and the rest of the saved source worked out.</param>
    /// <returns>The plan, the display prefix, and how to save it when <paramref name="saving"/> (everything read before planning, so a later write is noticed).</returns>
    private static async Task<(Plan Plan, string Prefix, Func<SavedPlan>? Save)> PlanAgainstStateAsync(ParseResult result, ManifestInputOptions inputs, StateOptions state, PlanningOptions planning, ApiOptions api, bool saving, CliConsole console, CancellationToken cancellationToken)
    {
        using var input = await inputs.ReadAsync(result, console, cancellationToken);
        var (snapshot, prefix) = (input.Snapshot, input.DisplayPrefix);
        var options = planning.Read(result, console, inputs.UsesRepository(result) ? null : console.ResolvePath(result.GetValue(inputs.Directory) ?? "."));
        var simulator = result.GetValue(api.Simulator);
        if (simulator)
        {
            await state.SaySimulatorStateAsync(result, console);
        }

        await using var store = await state.OpenIfExistsAsync(result, console, cancellationToken, simulator);
        var version = store is null ? null : await store.ReadVersionAsync(cancellationToken);
        var bound = store is null ? null : await store.ReadEndpointAsync(cancellationToken);
        await using var host = !options.Refresh ? null
            : simulator ? await SimulatorRefreshHostAsync(state.Location(result, console, simulator: true), bound, console, cancellationToken)
            : await RefreshHostAsync(result, api, store, console, cancellationToken);
        var settings = new ReconcileSettings(options.Refresh ? api.GetParallelism(result) : 4, RunningCheck: false);
        var pending = await new PlanningEngine(settings, store, host?.Reader, pipeline: console.NewPipeline(remember: false)).PlanAsync(snapshot, CompareWith.LiveState, options, cancellationToken);
        PlanTargets.Check(pending);
        if (pending.PlatformFailures.Count > 0)
        {
            // The platform cannot be reached or refuses the token: one error, not a "could not read" warning per task.
            throw new CliException(string.Join("; ", pending.PlatformFailures.Select(f => f.Message)));
        }

        if (!saving)
        {
            // The digest re-reads and hashes every manifest (100,000 files, and ~65 MB of text at that size): only a saved plan needs it.
            return (pending.Plan, prefix, null);
        }

        var source = SavedPlanOutput.Source(result, inputs, snapshot);
        return (pending.Plan, prefix, () =>
        {
            // The endpoint the state is bound to, else the one apply would use (only worked out when saving: a plan needs none).
            var saved = new SavedState(null, 0, bound ?? Core.State.StateEndpoint.Normalize(api.BaseAddress(result, console)), state.Display(result, console));
            return SavedPlanBuilder.From(pending.Plan, version, saved, source, new SavedPlanOptions(options.Refresh, options.Targets ?? []), pending.StartedAt);
        });
    }

    /// <summary>A refresh reads the platform the state describes: a state bound to another endpoint is refused, never re-bound by a plan.</summary>
    private static async Task<Apply.TaskApiHost> RefreshHostAsync(ParseResult result, ApiOptions api, Core.State.IStateStore? store, CliConsole console, CancellationToken cancellationToken)
    {
        var baseAddress = api.BaseAddress(result, console);
        var endpoint = Core.State.StateEndpoint.Normalize(baseAddress);
        try
        {
            if (store is not null)
            {
                await Core.State.StateEndpoint.CheckAsync(store, endpoint, rebind: false, cancellationToken);
            }
        }
        catch (Core.State.StateEndpointMismatchException e)
        {
            throw new CliException($"--refresh: the state records tasks applied to {e.BoundTo}, not to {endpoint}; refresh against the endpoint it describes (--api-url)", e);
        }

        return Apply.TaskApiHost.Create(baseAddress, new Reconciler.TaskApi.Auth.EnvironmentTokenSource(console.Environment), console.Error, api.Tuning(result, console));
    }

    /// <summary>
    /// <c>plan --simulator --refresh</c>: reads the trial's platform as the last <c>apply --simulator</c> left it (its
    /// platform file), never the real one.
    /// </summary>
    private static async Task<Apply.TaskApiHost> SimulatorRefreshHostAsync(Service.State.StateLocation location, string? bound, CliConsole console, CancellationToken cancellationToken)
    {
        if (bound is not null && bound != Core.State.StateEndpoint.EmbeddedSimulator)
        {
            throw new CliException($"--simulator: the state '{location.Display}' records tasks applied to {bound}, not to the embedded simulator");
        }

        var platformFile = Apply.SimulatorPlatformFile.For(location);
        var simulator = await Apply.EmbeddedSimulator.StartAsync(null, platformFile, keep: false, cancellationToken);
        await console.Error.WriteLineAsync($"reconciler: reading the embedded simulator (not the platform){Apply.SimulatorPlatformFile.Describe(platformFile, console)}");
        return Apply.TaskApiHost.Owning(simulator, console.Error, Apply.ApiTuning.Read(console.Environment));
    }
}
