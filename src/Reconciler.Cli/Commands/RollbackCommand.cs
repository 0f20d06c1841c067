using System.CommandLine;
using Reconciler.Cli.Apply;
using Reconciler.Cli.Output;
using Reconciler.Core.Manifests;
using Reconciler.Core.Reconciling;
using Reconciler.Core.Rendering;
using Reconciler.Core.Sources;
using Reconciler.Core.State;

namespace Reconciler.Cli.Commands;

/// <summary>
/// <c>reconciler rollback --to REVISION</c>: applies the manifests of an earlier revision of the watched branch now, plan
/// shown first. Directly (<c>--repo</c>, like <c>apply</c>), the branch's revision at that moment is recorded as held in the
/// state, so a service on the same state does not re-apply it; through a running service (<c>--service URL</c>), the
/// service does the same in its next pass (<see cref="RollbackThroughService"/>).
/// </summary>
internal static class RollbackCommand
{
    public static Command Create(CliConsole console)
    {
        var to = new Option<string>("--to") { Description = "The earlier revision (commit id) of the watched branch whose manifests to apply.", HelpName = "REVISION", Required = true };
        var inputs = new ManifestInputOptions();
        var branch = new Option<string>("--branch") { Description = "The watched branch: its revision now is the one held back after the rollback (default main).", DefaultValueFactory = _ => "main" };
        var service = new ServerOptions("--service", $"Roll back through the running service at URL (reconciler run), authenticated like reconciler sync ({Service.Configuration.ServiceSettings.SyncTokenVariable}).");
        var state = new StateOptions();
        var api = new ApiOptions();
        var autoApprove = new Option<bool>("--auto-approve") { Description = "Roll back without asking. Required when not run from a terminal." };
        var github = new PullRequestOptions();
        var githubRepo = new Option<string?>("--github-repo") { Description = "After the rollback, open a revert pull request in this GitHub repository (OWNER/NAME): from the branch's head to the rolled-back tree. Token from GITHUB_TOKEN.", HelpName = "OWNER/NAME" };
        var command = new Command("rollback", """
            Apply the manifests of an earlier revision of the watched branch now: the plan of that revision
            against the state is shown first, then confirmed (unless --auto-approve) and applied like apply.
            The branch's revision at that moment is then held: a service on the same state does not
            re-apply it while the branch stays there (/status and the page say "rolled back to REVISION"),
            and resumes normally when the branch moves (or after reconciler sync --resume).

            Directly: --repo URL (and --branch, --path) with the state and the API options of apply.
            Through a running service: --service URL; the service plans and applies in its next pass.

            Exit codes as apply's (0 applied, 1 error or a task not applied, 3 blocked, 5 halted).

            Examples:
              reconciler rollback --to 1a2b3c4 --repo https://github.com/acme/call-tasks.git --path tasks --state /var/lib/reconciler/state.db
              RECONCILER_SYNC_TOKEN=... reconciler rollback --to 1a2b3c4 --service http://127.0.0.1:8080 --auto-approve
            """);
        command.Options.Add(to);
        command.Options.Add(inputs.Repository);
        command.Options.Add(branch);
        command.Options.Add(inputs.RepositoryPath);
        command.Options.Add(inputs.CacheDirectory);
        service.AddTo(command);
        command.Options.Add(state.State);
        command.Options.Add(state.Rebind);
        api.AddTo(command);
        command.Options.Add(autoApprove);
        command.Options.Add(githubRepo);
        command.Options.Add(github.ApiUrl);
        command.SetAction(async (result, cancellationToken) =>
        {
            var revision = result.GetValue(to)!.Trim();
            var branchName = result.GetValue(branch) ?? "main";
            Func<string, string, Task> revert = (head, earlier) => result.GetValue(githubRepo) is { } repo
                ? Output.RevertPullRequest.OpenAsync(repo, result.GetValue(github.ApiUrl), head, earlier, branchName, console, cancellationToken)
                : Task.CompletedTask;
            if (result.GetValue(service.Server) is not null)
            {
                return await RollbackThroughService.RunAsync(service.BaseAddress(result, console), revision, result.GetValue(autoApprove), revert, console, cancellationToken);
            }

            if (result.GetValue(inputs.Repository) is not { } repository)
            {
                throw new CliException("rollback needs --repo URL (apply the earlier revision directly) or --service URL (through a running service)");
            }

            ApiTokenCheck.Require(console, "rollback");
            var request = new ManifestRequest(null, repository, branchName, result.GetValue(inputs.RepositoryPath) ?? "", [], [], result.GetValue(inputs.CacheDirectory) ?? ManifestInputOptions.DefaultCacheDirectory, "rollback");
            // Both inputs stay open until the rollback is done: their blobs are read when evaluation needs them.
            using var headInput = await ManifestInputOptions.ReadAsync(request, console, cancellationToken);
            using var earlierInput = await ManifestInputOptions.ReadAsync(request with { Ref = revision }, console, cancellationToken);
            var (head, earlier, prefix) = (headInput.Snapshot, earlierInput.Snapshot, earlierInput.DisplayPrefix);
            if (earlier.Revision == head.Revision)
            {
                throw new CliException($"{revision} is the branch's current revision: nothing to roll back");
            }

            if ((earlierInput.Reader as IManifestSource)?.IsInHistoryOf(earlier.Revision!, head.Revision!) == false)
            {
                throw new CliException($"{revision} is not in the history of {branchName} (at {Short(head.Revision)}): a rollback applies only an earlier revision of the watched branch; nothing was sent");
            }

            return await ApplyAsync(result, console, state, api, head.Revision!, earlier, prefix, result.GetValue(autoApprove), repository, revert, cancellationToken);
        });
        return command;
    }

    private static async Task<int> ApplyAsync(ParseResult result, CliConsole console, StateOptions state, ApiOptions api, string head, SourceSnapshot earlier, string prefix, bool autoApprove, string repository, Func<string, string, Task> revert, CancellationToken cancellationToken)
    {
        var pipeline = console.NewPipeline();
        await using var session = await ApplySession.OpenAsync(await state.OpenAsync(result, console, false, cancellationToken), state.Location(result, console), result, api, () => pipeline.Evaluate(earlier), pipeline, console, cancellationToken);
        await state.BindAsync(session.Store, session.Endpoint, result, console, cancellationToken);
        var pending = await session.Engine.PlanAsync(earlier, PlanOptions.Default, cancellationToken);
        await console.Out.WriteLineAsync($"Rollback: the manifests of {Short(earlier.Revision)} against the state (the branch is at {Short(head)}).");
        await console.Out.WriteAsync(new TextPlanRenderer(console.UseColor, filePrefix: prefix).Render(pending.Plan));
        return await ApplyCommand.ConfirmAndApplyAsync(session.Engine, pending, autoApprove, [], repository, console, cancellationToken, async run =>
        {
            if (run.Succeeded && session.Store is IRevisionHolds holds)
            {
                await holds.HoldAsync(new RevisionHold(RevisionHoldKind.RolledBack, head, run.Record.StartedAt, RolledBackTo: earlier.Revision), cancellationToken);
                await console.Out.WriteLineAsync($"Rolled back to {Short(earlier.Revision)}: a service on this state holds {Short(head)} (does not re-apply it) until the branch moves or reconciler sync --resume.");
                await revert(head, earlier.Revision!);
            }
        });
    }

    internal static string Short(string? revision) => revision is null ? "?" : revision[..Math.Min(12, revision.Length)];
}
