using System.CommandLine;
using System.Diagnostics;
using Reconciler.Cli.Apply;
using Reconciler.Cli.Output;
using Reconciler.Core.Applying;
using Reconciler.Core.Planning;
using Reconciler.Core.Rendering;
using Reconciler.Core.State;
using Reconciler.Core.Validation;
using Reconciler.TaskApi.Auth;

namespace Reconciler.Cli.Commands;

/// <summary><c>reconciler apply [DIR]</c>: plan, confirm, then send exactly the PUTs the plan calls for.</summary>
public static class ApplyCommand
{
    public static Command Create(CliConsole console)
    {
        var inputs = new ManifestInputOptions();
        var state = new StateOptions();
        var api = new ApiOptions();
        var autoApprove = new Option<bool>("--auto-approve") { Description = "Apply without asking. Required when not run from a terminal." };
        var command = new Command("apply", $"""
            Plan, show the plan, ask for confirmation (unless --auto-approve), then send one PUT per task
            to update or adopt, with bounded concurrency and retries of transient failures. Each success
            is recorded in the state at once; blocked, rejected and failed tasks are left for the next run.
            Only one apply runs at a time per state file.

            Tokens: RECONCILER_API_TOKEN (every account), RECONCILER_API_TOKEN__<USER_ID> (one account),
            RECONCILER_API_TOKEN_FILE / RECONCILER_API_TOKENS_FILE (mounted secrets).

            {ApiTuning.Help}

            Exit codes: 0 everything applied (or nothing to do), 1 error, invalid manifests, a task
            rejected/failed/unauthorized, or cancelled before every task was sent, 3 some tasks blocked
            because they are running (retry later).

            Examples:
              reconciler apply sample-repo --simulator --auto-approve
              RECONCILER_API_TOKEN=... reconciler apply . --state /var/lib/reconciler/state.db
              reconciler apply . --api-url https://ai.api.longlonglong.cn --parallelism 8 --auto-approve
              reconciler apply --repo https://github.com/acme/call-tasks.git --ref main --path tasks --auto-approve
            """);
        inputs.AddTo(command);
        command.Options.Add(state.State);
        api.AddTo(command);
        command.Options.Add(autoApprove);
        command.SetAction((result, cancellationToken) => RunAsync(result, console, inputs, state, api, result.GetValue(autoApprove), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(ParseResult result, CliConsole console, ManifestInputOptions inputs, StateOptions state, ApiOptions api, bool autoApprove, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var (snapshot, prefix) = await inputs.ReadAsync(result, console, cancellationToken);
        var desired = console.NewPipeline().Evaluate(snapshot);
        var baseAddress = result.GetValue(api.Simulator) ? null : api.BaseAddress(result, console);
        var tuning = ApiTuning.Read(console.Environment);

        await using var store = await state.OpenAsync(result, console, cancellationToken);
        IAsyncDisposable applyLock;
        try
        {
            applyLock = await store.AcquireApplyLockAsync(cancellationToken);
        }
        catch (StateLockedException e)
        {
            throw new CliException(e.Message, e);
        }

        await using var _ = applyLock;
        await using var simulator = baseAddress is null ? await EmbeddedSimulator.StartAsync(desired, cancellationToken) : null;
        if (simulator is not null)
        {
            await console.Error.WriteLineAsync($"reconciler: applying to the embedded simulator at {simulator.Server.BaseAddress} (not the platform)");
        }

        var tokens = simulator?.Tokens ?? new EnvironmentTokenSource(console.Environment);
        await using var host = TaskApiHost.Create(simulator?.Server.BaseAddress ?? baseAddress!, tokens, console.Error, tuning);
        var parallelism = api.GetParallelism(result);

        var plan = Planner.Plan(desired, await store.LoadAppliedAsync(cancellationToken));
        if (!result.GetValue(api.NoRunningCheck))
        {
            plan = await RemoteStateChecker.CheckAsync(plan, host.Api, parallelism, cancellationToken);
        }

        await console.Out.WriteAsync(new TextPlanRenderer(console.UseColor).Render(DisplayPaths.Apply(plan, prefix)));
        var invalidExit = plan.HasErrors ? ExitCodes.Error : ExitCodes.Success;
        if (!plan.Summary.HasChanges)
        {
            await console.Out.WriteLineAsync("No changes: the platform matches the manifests.");
            return invalidExit;
        }

        switch (await Confirmation.AskAsync(console, autoApprove, cancellationToken))
        {
            case null:
                throw new CliException("apply needs --auto-approve when it is not run from a terminal");
            case false:
                await console.Out.WriteLineAsync("Apply cancelled.");
                return ExitCodes.Error;
        }

        var applier = new Applier(host.Api, store);
        var toApply = plan.Entries.Count(e => e.Action.SendsPut());
        var report = await new ApplyProgress(console).RunAsync(toApply, progress => applier.ApplyAsync(plan, new ApplyOptions(parallelism), progress, cancellationToken));
        foreach (var failure in report.Results.Where(r => r.Outcome is not ApplyOutcome.Applied))
        {
            await console.Error.WriteLineAsync("reconciler: " + ApplyProgress.Line(failure));
        }

        await console.Out.WriteLineAsync(report.ToString());
        await RecordRunAsync(store, plan, report, Stopwatch.GetElapsedTime(started));
        // A cancelled apply (Ctrl+C, SIGTERM) left tasks unsent: not a success, whatever the others did.
        if (!report.Succeeded || plan.HasErrors || report.Count(ApplyOutcome.Cancelled) > 0)
        {
            return ExitCodes.Error;
        }

        return report.AnyBlocked ? ExitCodes.Blocked : ExitCodes.Success;
    }

    private static Task RecordRunAsync(IStateStore store, Plan plan, ApplyReport report, TimeSpan duration) =>
        store.RecordRunAsync(new RunRecord(DateTimeOffset.UtcNow - duration, duration, plan.Revision, "cli", Applied: true, RunOutcomes.Count(plan, report), null), CancellationToken.None);
}
