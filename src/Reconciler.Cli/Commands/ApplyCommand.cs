using System.CommandLine;
using Reconciler.Cli.Apply;
using Reconciler.Cli.Output;
using Reconciler.Core.Applying;
using Reconciler.Core.Reconciling;
using Reconciler.Core.Rendering;
using Reconciler.Core.State;
using Reconciler.Core.Text;
using Reconciler.Core.Validation;
using Reconciler.Service.Notifications;
using Reconciler.TaskApi.Auth;

namespace Reconciler.Cli.Commands;

/// <summary><c>reconciler apply [DIR]</c>: plan, confirm, then send exactly the PUTs the plan calls for; <c>reconciler apply FILE</c>: the same for a saved plan, checked first.</summary>
internal static class ApplyCommand
{
    public static Command Create(CliConsole console)
    {
        var inputs = new ManifestInputOptions();
        var state = new StateOptions(simulatorDefault: true);
        var api = new ApiOptions();
        var planning = new PlanningOptions();
        var listGrouped = PlanFormats.ListGrouped();
        var maxPlanAge = SavedPlanApply.MaxAgeOption();
        var autoApprove = new Option<bool>("--auto-approve") { Description = "Apply without asking. Required when not run from a terminal." };
        var notify = new Option<string[]>("--notify") { Description = "After applying, post one message per task left blocked, failed, in doubt or stopped to this WeCom, DingTalk or Feishu robot or JSON webhook (repeatable; see docs/service.md, Notifications).", HelpName = "URL" };
        var command = new Command("apply", $"""
            Plan, show the plan, ask for confirmation (unless --auto-approve), then send one PUT per task
            to update or adopt, with bounded concurrency and retries of transient failures. Each success
            is recorded in the state at once; blocked, rejected and failed tasks are left for the next run.
            Only one apply runs at a time per state file.

            With a saved plan (FILE, written by `plan --out FILE`) instead of DIR, apply sends exactly that
            plan's changes and bodies, nothing planned anew. It refuses, sending nothing, when the state
            changed since the plan (another apply, a takeover), a planned task's manifest or last-applied
            body changed, the plan was made for another state or endpoint, the file was altered, or it is
            older than --max-plan-age; the refusal names every stale task. The manifests are read again
            from where the plan read them, and the state is the plan's unless --state is given.

            Tokens: RECONCILER_API_TOKEN (every account), RECONCILER_API_TOKEN__<USER_ID> (one account),
            RECONCILER_API_TOKEN_FILE / RECONCILER_API_TOKENS_FILE (mounted secrets).

            {ApiTuning.Help}

            Exit codes: 0 everything applied (or nothing to do), 1 error, invalid manifests, a task
            rejected/failed/unauthorized, the platform unreachable, or cancelled before every task was
            sent, 3 some tasks blocked because they are running, or waiting for the deadline of an
            earlier request that may still land (retry later), 4 (--verify) an accepted update read
            back with other values in some field, 5 (--batch/--canary) the rollout halted: a batch
            had more rejected or failed tasks than --halt-on-rejected/--halt-on-failed allow, and
            the later batches were not sent.

            Examples:
              reconciler apply sample-repo --simulator --auto-approve
              RECONCILER_API_TOKEN=... reconciler apply . --state /var/lib/reconciler/state.db
              reconciler apply . --api-url https://ai.api.longlonglong.cn --parallelism 8 --auto-approve
              reconciler apply --repo https://github.com/acme/call-tasks.git --ref main --path tasks --auto-approve
              reconciler apply plan.out --auto-approve --max-plan-age 72h
            """);
        inputs.AddTo(command);
        command.Options.Add(state.State);
        command.Options.Add(state.Rebind);
        api.AddTo(command);
        command.Options.Add(autoApprove);
        command.Options.Add(listGrouped);
        planning.AddTo(command);
        command.Options.Add(notify);
        command.Options.Add(maxPlanAge);
        SavedPlanApply.AddValidators(command, maxPlanAge);
        command.SetAction((result, cancellationToken) => RunAsync(
            result,
            console,
            inputs,
            state,
            api,
            planning,
            new ApplyFlags(result.GetValue(autoApprove), result.GetValue(listGrouped), result.GetValue(notify) ?? [], SavedPlanApply.MaxAge(result.GetValue(maxPlanAge))),
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(ParseResult result, CliConsole console, ManifestInputOptions inputs, StateOptions state, ApiOptions api, PlanningOptions planning, ApplyFlags flags, CancellationToken cancellationToken)
    {
        if (SavedPlanApply.Names(result, inputs, console) is { } savedPlan)
        {
            return await SavedPlanApply.RunAsync(savedPlan, result, console, state, api, planning, inputs, flags, cancellationToken);
        }

        var receivers = ApplyNotifications.Parse(flags.Notify);
        if (!result.GetValue(api.Simulator))
        {
            ApiTokenCheck.Require(console, "apply");
        }

        using var input = await inputs.ReadAsync(result, console, cancellationToken);
        var (snapshot, prefix) = (input.Snapshot, input.DisplayPrefix);
        var pipeline = console.NewPipeline();
        var useSimulator = result.GetValue(api.Simulator);
        if (useSimulator)
        {
            await state.SaySimulatorStateAsync(result, console);
        }

        await using var session = await ApplySession.OpenAsync(await state.OpenAsync(result, console, useSimulator, cancellationToken), state.Location(result, console, useSimulator), result, api, () => pipeline.Evaluate(snapshot), pipeline, console, cancellationToken);
        await state.BindAsync(session.Store, session.Endpoint, result, console, cancellationToken);
        var options = planning.Read(result, console, inputs.UsesRepository(result) ? null : console.ResolvePath(result.GetValue(inputs.Directory) ?? "."));
        var pending = await session.Engine.PlanAsync(snapshot, options, cancellationToken);
        PlanTargets.Check(pending);
        if (pending.PlatformFailures.Count > 0 && pending.Plan.ToSend.All(e => pending.Gate.Blocking(e.Identity.UserId) is not null))
        {
            // The reads before applying found the platform unreachable or the token refused: nothing would get through.
            return await PlatformFailedAsync(console, pending.PlatformFailures);
        }

        await console.Out.WriteAsync(new TextPlanRenderer(console.UseColor, flags.ListGrouped, prefix).Render(pending.Plan));
        if (!pending.Plan.Summary.HasChanges)
        {
            await console.Out.WriteLineAsync(NoChanges(pending.Plan, options));
            return pending.Plan.HasErrors ? ExitCodes.Error : ExitCodes.Success;
        }

        var source = result.GetValue(inputs.Repository) ?? console.ResolvePath(result.GetValue(inputs.Directory) ?? ".");
        return await ConfirmAndApplyAsync(session.Engine, pending, flags.AutoApprove, receivers, source, console, cancellationToken);
    }

    /// <summary>The plan is shown: ask (unless --auto-approve), apply it (ApplyProgress reports each task not applied, once), notify, and decide the exit code.</summary>
    /// <param name="applied">Called once the plan was applied (not when the apply was declined): what the caller records after it (a rollback's hold).</param>
    internal static async Task<int> ConfirmAndApplyAsync(Reconciliation engine, PendingPlan pending, bool autoApprove, IReadOnlyList<NotifyTarget> receivers, string source, CliConsole console, CancellationToken cancellationToken, Func<ReconcileRun, Task>? applied = null)
    {
        if (!await Confirmation.ConfirmAsync(console, autoApprove, "apply", "Apply", cancellationToken))
        {
            return ExitCodes.Error;
        }

        var toSend = pending.Plan.Entries.Count(e => e.WillSend || e.IsBlockedByRunningTask);
        if (engine.Settings.Rollout is { } rollout && toSend > 0)
        {
            var sizes = Core.Applying.Rollout.StagedRollout.Batches(Enumerable.Range(0, toSend).ToList(), rollout).Select(b => b.Count).ToList();
            await console.Out.WriteLineAsync(string.Create(
                System.Globalization.CultureInfo.InvariantCulture,
                $"Rollout: {sizes.Count} batch(es) of {string.Join(", ", sizes)} task(s); halting when more than {rollout.HaltOnRejectedPercent:0.###}% of a batch is rejected or more than {rollout.HaltOnFailedPercent:0.###}% fails."));
        }
        var run = await new ApplyProgress(console).RunAsync(toSend, progress => engine.ApplyAsync(pending, RunTrigger.Cli, progress, cancellationToken));
        // ApplyProgress said every task not applied, once (stderr); an applied task that read back other values is a problem too.
        foreach (var failure in run.Report?.Results.Where(r => r.Outcome is ApplyOutcome.Applied && r.Verification?.Outcome == VerificationOutcome.Unverified) ?? [])
        {
            await console.Error.WriteLineAsync("reconciler: " + ApplyProgress.Line(failure));
        }

        await console.Out.WriteLineAsync(run.Report?.ToString() ?? "Apply: nothing to do.");
        await (applied?.Invoke(run) ?? Task.CompletedTask);
        if (run.Report?.Halt is { } halt)
        {
            await console.Out.WriteLineAsync("Rollout " + halt);
        }

        await ApplyNotifications.SendAsync(receivers, run, source, console, cancellationToken);
        if (run.PlatformFailures.Count > 0)
        {
            return await PlatformFailedAsync(console, run.PlatformFailures);
        }

        if (run.Error is { } error)
        {
            await console.Error.WriteLineAsync($"reconciler: error: {error}");
        }

        var code = ExitCode(run, pending.Plan.HasErrors);

        // Changes waiting for an earlier request's deadline are not done: like a blocked task, retry later.
        return code == ExitCodes.Success && pending.Plan.Entries.Any(e => e.Deferral?.Kind == Core.Planning.DeferralKind.InFlight) ? ExitCodes.Blocked : code;
    }

    /// <summary>
    /// Says exactly what is known: only a refresh that read every task can say the platform matches; otherwise
    /// every task matches what the platform last accepted (and nothing is in doubt).
    /// </summary>
    private static string NoChanges(Core.Planning.Plan plan, PlanOptions options)
    {
        var scope = options.Targets is null ? "" : " (targeted tasks)";
        var everyTaskRead = options.Refresh && plan.Entries.Where(e => e.Desired is not null && !e.Desired.Suspend).All(e => e.Refreshed);
        return everyTaskRead
            ? $"No changes{scope}: the platform matches the manifests."
            : $"No changes{scope}: every task matches what the platform last accepted (--refresh also reads the live tasks).";
    }

    /// <summary>One line per fact (the platform unreachable, a token refused), not one per task or retry; exit 1.</summary>
    internal static async Task<int> PlatformFailedAsync(CliConsole console, IReadOnlyList<PlatformFailure> failures)
    {
        foreach (var failure in failures)
        {
            await console.Error.WriteLineAsync($"reconciler: error: {ControlText.Escape(failure.Message)}");
        }

        return ExitCodes.Error;
    }

    /// <summary>0 all applied; 5 a staged rollout halted; 4 an accepted update read back with other values; 3 some blocked (running); 1 anything else: invalid manifests, a task not applied, a cancelled apply, a state failure.</summary>
    private static int ExitCode(ReconcileRun run, bool invalid)
    {
        if (!run.Succeeded || invalid)
        {
            return ExitCodes.Error;
        }

        if (run.Report is not { } report)
        {
            return ExitCodes.Success;
        }

        if (report.Halt is not null)
        {
            return ExitCodes.Halted; // a halt is caused by rejections or failures: its own code tells a script that tasks were held back
        }

        // A cancelled apply (Ctrl+C, SIGTERM) left tasks unsent: not a success, whatever the others did.
        return !report.Succeeded || report.Count(ApplyOutcome.Cancelled) > 0 ? ExitCodes.Error
            : report.Unverified.Count > 0 ? ExitCodes.Unverified
            : report.AnyBlocked ? ExitCodes.Blocked
            : ExitCodes.Success;
    }
}
