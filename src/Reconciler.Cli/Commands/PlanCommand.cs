using System.CommandLine;
using Reconciler.Cli.Output;
using Reconciler.Core.Planning;
using Reconciler.Core.Validation;

namespace Reconciler.Cli.Commands;

/// <summary><c>reconciler plan [DIR]</c>: what apply would do, without doing it.</summary>
public static class PlanCommand
{
    public static Command Create(CliConsole console)
    {
        var inputs = new ManifestInputOptions();
        var state = new StateOptions();
        var format = new Option<PlanFormat>("--format") { Description = "Output format: text (default), json, markdown, or github (text plus workflow annotations; automatic when GITHUB_ACTIONS=true).", DefaultValueFactory = _ => PlanFormat.Text };
        var pullRequest = new PullRequestOptions();
        var detailed = new Option<bool>("--detailed-exitcode") { Description = "Exit 0 when there is nothing to do, 1 on error, 2 when there are changes (like terraform plan -detailed-exitcode)." };
        var command = new Command("plan", """
            Show what apply would change: compares the manifests with the last-applied state and lists
            each task as update, adopt, unchanged, unmanage, invalid or suspended, with field-level
            changes. Nothing is sent to the platform.

            Exit codes: 0 success, 1 error or invalid manifests, 2 changes present (only with
            --detailed-exitcode).

            Examples:
              reconciler plan sample-repo
              reconciler plan . --state /var/lib/reconciler/state.db --format json
              reconciler plan . --format markdown --detailed-exitcode
            """);
        inputs.AddTo(command);
        command.Options.Add(state.State);
        command.Options.Add(format);
        command.Options.Add(detailed);
        pullRequest.AddTo(command);
        command.SetAction(async (result, cancellationToken) =>
        {
            var (snapshot, prefix) = inputs.ReadDirectory(result, console);
            var desired = new ManifestPipeline().Evaluate(snapshot);
            var inventory = await state.ReadInventoryAsync(result, console, cancellationToken);
            var plan = Planner.Plan(desired, inventory);
            var shown = DisplayPaths.Apply(plan, prefix);
            var chosen = result.GetValue(format);
            await console.Out.WriteAsync(PlanFormats.Renderer(chosen, console).Render(shown));
            var inActions = GitHubActions.IsRunningIn(console);
            if (chosen == PlanFormat.GitHub || (inActions && chosen == PlanFormat.Text))
            {
                await GitHubActions.WriteAnnotationsAsync(shown, console);
            }

            if (inActions)
            {
                await GitHubActions.AppendStepSummaryAsync(shown, console, cancellationToken);
            }

            if (result.GetValue(pullRequest.Repository) is { } repository && result.GetValue(pullRequest.PullRequest) is { } number)
            {
                await PullRequestPublishing.PublishAsync(plan, repository, number, result.GetValue(pullRequest.Sha), result.GetValue(pullRequest.ApiUrl), prefix, console, cancellationToken);
            }

            return ExitCode(plan, result.GetValue(detailed));
        });
        return command;
    }

    public static int ExitCode(Plan plan, bool detailed) =>
        plan.HasErrors ? ExitCodes.Error : detailed && plan.Summary.HasChanges ? ExitCodes.Changes : ExitCodes.Success;
}
