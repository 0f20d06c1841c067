using Microsoft.Extensions.Logging;
using Reconciler.Service.Configuration;
using Reconciler.Service.Metrics;
using Reconciler.Service.Status;
using Reconciler.Core.Planning;
using Reconciler.Core.Rendering;
using Reconciler.Core.State;
using Reconciler.Core.Validation;
using Reconciler.Git;
using Reconciler.GitHub;

namespace Reconciler.Service.GitHub;

/// <summary>
/// Keeps one plan comment on each open pull request that targets the watched branch, planned against the live
/// state store, like Atlantis without the comment spam: a pull request is re-planned only when its head moved
/// (the comment is edited in place; an identical plan sends nothing). Runs after each successful poll, so
/// the head commits of same-repository branches are already in the clone cache.
/// </summary>
public sealed partial class PullRequestWatcher(
    ServiceOptions options,
    IPullRequestPublisher github,
    GitRepositorySource source,
    IStateStore store,
    ServiceStatus status,
    ServiceMetrics metrics,
    TimeProvider time,
    ILogger<PullRequestWatcher> logger)
{
    public const string StatusContext = "reconciler/plan";

    private readonly ManifestPipeline _pipeline = new();
    private readonly Dictionary<int, string> _planned = [];

    /// <summary>Pull requests planned since start (a test hook, and the <c>/metrics</c> counter's twin).</summary>
    public int Planned { get; private set; }

    public async Task CheckAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<PullRequestHead> pulls;
        try
        {
            pulls = await github.ListOpenPullRequestsAsync(cancellationToken);
        }
        catch (GitHubPublishException e)
        {
            metrics.PullRequestPlanned("error");
            LogListFailed(logger, options.GitHubRepo!, e.Message);
            return;
        }

        var open = pulls.Select(p => p.Number).ToHashSet();
        foreach (var closed in _planned.Keys.Where(n => !open.Contains(n)).ToList())
        {
            _planned.Remove(closed);
        }

        status.PullRequestsOpen(open);
        foreach (var pull in pulls.Where(TargetsWatchedBranch))
        {
            if (_planned.GetValueOrDefault(pull.Number) != pull.HeadSha)
            {
                await PlanAsync(pull, cancellationToken);
            }
        }
    }

    private bool TargetsWatchedBranch(PullRequestHead pull) =>
        pull.BaseRef == options.Branch || "refs/heads/" + pull.BaseRef == options.Branch;

    private async Task PlanAsync(PullRequestHead pull, CancellationToken cancellationToken)
    {
        Core.Manifests.SourceSnapshot snapshot;
        try
        {
            snapshot = source.ReadTree(pull.HeadSha);
        }
        catch (GitSourceException e) when (e.Kind == GitSourceErrorKind.CommitNotFound)
        {
            var fromFork = pull.HeadRepository is not null && !string.Equals(pull.HeadRepository, options.GitHubRepo, StringComparison.OrdinalIgnoreCase);
            if (fromFork)
            {
                // Only branches of the watched repository are fetched; a fork's head never arrives. Say so once per head.
                _planned[pull.Number] = pull.HeadSha;
                LogForkSkipped(logger, pull.Number, pull.HeadRepository!);
            }

            return;
        }

        var plan = Planner.Plan(_pipeline.Evaluate(snapshot), await store.LoadAppliedAsync(cancellationToken), pull.BaseSha);
        var prefix = options.Path.Trim('/') is { Length: > 0 } path ? path + "/" : null;
        var markdown = new MarkdownPlanRenderer(MarkdownOptions.PullRequestComment with { PathPrefix = prefix }).Render(plan);
        try
        {
            var comment = await github.UpsertPlanCommentAsync(pull.Number, MarkdownOptions.DefaultMarker, markdown, cancellationToken);
            var state = plan.HasErrors ? CommitStatusState.Failure : CommitStatusState.Success;
            await github.SetCommitStatusAsync(pull.HeadSha, state, StatusContext, plan.Summary.ToString(), comment.HtmlUrl.ToString(), cancellationToken);
            _planned[pull.Number] = pull.HeadSha;
            Planned++;
            metrics.PullRequestPlanned(comment.Action.ToString().ToLowerInvariant());
            status.PullRequestPlanned(new PullRequestStatusView(pull.Number, pull.HeadSha, time.GetUtcNow(), plan.Summary.ToString(), comment.HtmlUrl.ToString(), null));
            LogPlanned(logger, pull.Number, pull.HeadSha[..Math.Min(12, pull.HeadSha.Length)], comment.Action.ToString().ToLowerInvariant(), plan.Summary.ToString());
        }
        catch (GitHubPublishException e)
        {
            // Not marked as planned: the next poll tries again.
            metrics.PullRequestPlanned("error");
            status.PullRequestPlanned(new PullRequestStatusView(pull.Number, pull.HeadSha, time.GetUtcNow(), plan.Summary.ToString(), null, e.Message));
            LogPublishFailed(logger, pull.Number, e.Message);
        }
    }

    [LoggerMessage(EventId = 40, Level = LogLevel.Warning, Message = "could not list the open pull requests of {Repository}: {Error}")]
    private static partial void LogListFailed(ILogger logger, string repository, string error);

    [LoggerMessage(EventId = 41, Level = LogLevel.Information, Message = "pull request #{Number} at {Head}: plan comment {Action}: {Summary}")]
    private static partial void LogPlanned(ILogger logger, int number, string head, string action, string summary);

    [LoggerMessage(EventId = 42, Level = LogLevel.Warning, Message = "could not publish the plan of pull request #{Number}: {Error}")]
    private static partial void LogPublishFailed(ILogger logger, int number, string error);

    [LoggerMessage(EventId = 43, Level = LogLevel.Warning, Message = "pull request #{Number} comes from the fork {Fork}, whose commits are not fetched: not planned")]
    private static partial void LogForkSkipped(ILogger logger, int number, string fork);
}
