using Microsoft.Extensions.Logging;
using Reconciler.Core.Reconciling;
using Reconciler.Core.Sources;
using Reconciler.GitHub;
using Reconciler.Service.Configuration;
using Reconciler.Service.Metrics;
using Reconciler.Service.Status;

namespace Reconciler.Service.GitHub;

/// <summary>
/// Keeps one live-state plan comment on each open pull request that targets the watched branch, like Atlantis
/// without the comment spam: a pull request is re-planned only when its head moved (the comment is edited in
/// place; an identical plan sends nothing). The plan comes from the engine against the live state store (what
/// merging would send now), posted with the shared <see cref="PlanPublisher"/> under its own marker and status
/// context, so a CI plan against the base revision on the same pull request stays a separate comment.
/// </summary>
public sealed partial class PullRequestWatcher(
    ServiceOptions options,
    IPullRequestPublisher github,
    IManifestSource source,
    PlanningEngine engine,
    ServiceStatus status,
    ServiceMetrics metrics,
    TimeProvider time,
    ILogger<PullRequestWatcher> logger)
{
    public static readonly string StatusContext = PlanChannel.LiveState.StatusContext;

    private readonly PlanPublisher _publisher = new(github);
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
        if (await source.ReadRevisionAsync(pull.HeadSha, cancellationToken) is not { } snapshot)
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

        var plan = (await engine.PlanAsync(snapshot, CompareWith.LiveState, PlanOptions.Default, cancellationToken)).Plan;
        var prefix = options.Path.Trim('/') is { Length: > 0 } path ? path + "/" : null;
        var result = await _publisher.PublishAsync(plan, pull.Number, pull.HeadSha, prefix, cancellationToken);
        var error = result.CommentError ?? result.StatusError;
        if (result.Comment is { } comment && error is null)
        {
            _planned[pull.Number] = pull.HeadSha;
            Planned++;
            metrics.PullRequestPlanned(comment.Action.ToString().ToLowerInvariant());
            status.PullRequestPlanned(new PullRequestStatusView(pull.Number, pull.HeadSha, time.GetUtcNow(), plan.Summary.ToString(), comment.HtmlUrl.ToString(), null));
            LogPlanned(logger, pull.Number, pull.HeadSha[..Math.Min(12, pull.HeadSha.Length)], comment.Action.ToString().ToLowerInvariant(), plan.Summary.ToString());
            return;
        }

        // Not marked as planned: the next poll tries again.
        metrics.PullRequestPlanned("error");
        status.PullRequestPlanned(new PullRequestStatusView(pull.Number, pull.HeadSha, time.GetUtcNow(), plan.Summary.ToString(), result.Comment?.HtmlUrl.ToString(), error));
        LogPublishFailed(logger, pull.Number, error ?? "unknown");
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
