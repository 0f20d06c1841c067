using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Prometheus;
using Reconciler.Core.Secrets;
using Reconciler.Core.Tasks;
using Reconciler.Service.Metrics;

namespace Reconciler.Service.Notifications;

/// <summary>
/// Sends task notifications without ever holding up reconciling: the runner hands over the events of each run
/// (<see cref="Report"/> never waits), a bounded queue keeps them, and this background service posts each one to
/// every receiver with bounded retries. When the queue is full (a receiver down for long), new events are
/// dropped and counted (<c>reconciler_notifications_total{result="dropped"}</c>). Receivers' URLs hold keys: logs
/// name them by <see cref="NotifyTarget.Display"/> only.
/// </summary>
public sealed partial class Notifier : BackgroundService
{
    public const string HttpClientName = "notify";

    private readonly IReadOnlyList<NotifyTarget> _targets;
    private readonly IHttpClientFactory _http;
    private readonly SecretRedactor _secrets;
    private readonly TimeProvider _time;
    private readonly string _repository;
    private readonly ILogger<Notifier> _logger;
    private readonly Channel<TaskEvent> _queue;
    private readonly TaskEventDetector _detector = new();
    private readonly Counter _results;
    private readonly Gauge _queued;
    private long _sent;

    public Notifier(IReadOnlyList<NotifyTarget> targets, NotifyOptions options, IHttpClientFactory http, ServiceMetrics metrics, SecretRedactor secrets, TimeProvider time, string repository, ILogger<Notifier> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(metrics);
        _targets = targets;
        _http = http;
        _time = time;
        _repository = repository;
        _logger = logger;

        // The receivers' keys are secrets too: cut them out of anything a message might echo.
        _secrets = NotificationSender.WithKeysOf(secrets, targets);
        // Wait mode makes TryWrite answer false when full (DropWrite would drop silently and answer true): the drop is counted.
        _queue = Channel.CreateBounded<TaskEvent>(new BoundedChannelOptions(options.QueueCapacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
        _results = metrics.Factory.CreateCounter("reconciler_notifications_total", "Task notifications by result: sent, failed (after retries) or dropped (queue full), one per event and receiver.", ["result"]);
        _queued = metrics.Factory.CreateGauge("reconciler_notifications_queued", "Task notifications waiting to be sent.");
        foreach (var result in (string[])["sent", "failed", "dropped"])
        {
            _results.WithLabels(result).Inc(0);
        }
    }

    /// <summary>Messages delivered (every receiver counted); tests wait on it.</summary>
    public long Sent => Interlocked.Read(ref _sent);

    /// <summary>Called by the runner after each run that planned: finds what changed and queues it. Never blocks.</summary>
    public void Report(IReadOnlyList<TaskStanding> tasks, string? revision)
    {
        foreach (var e in _detector.Next(tasks, _repository, revision, _time.GetUtcNow()))
        {
            Queue(e);
        }
    }

    private void Queue(TaskEvent e)
    {
        if (_queue.Writer.TryWrite(e))
        {
            _queued.Inc();
        }
        else
        {
            _results.WithLabels("dropped").Inc(_targets.Count);
            LogDropped(_logger, NotificationText.Headline(e.Kind), e.Task.TaskId ?? "?");
        }
    }

    /// <summary>A staged rollout halted: one event (not one per task), with the numbers as its message. Never blocks.</summary>
    public void ReportHalt(Core.State.RevisionHold hold) => Queue(TaskEvent.RolloutHalted(hold, _repository, _time.GetUtcNow()));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var e in _queue.Reader.ReadAllAsync(stoppingToken))
            {
                _queued.Dec();
                foreach (var target in _targets)
                {
                    await SendAsync(target, e, stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: what is still queued is dropped, and counted as such.
            while (_queue.Reader.TryRead(out _))
            {
                _queued.Dec();
                _results.WithLabels("dropped").Inc(_targets.Count);
            }
        }
    }

    private async Task SendAsync(NotifyTarget target, TaskEvent e, CancellationToken stoppingToken)
    {
        if (await NotificationSender.SendAsync(_http.CreateClient(HttpClientName), target, e, _secrets, _time.GetUtcNow(), stoppingToken) is { } problem)
        {
            Failed(target, e, problem);
            return;
        }

        _results.WithLabels("sent").Inc();
        Interlocked.Increment(ref _sent);
    }

    private void Failed(NotifyTarget target, TaskEvent e, string problem)
    {
        // Logged before it is counted: whoever sees the count (a scrape, a test) finds the line that says why.
        LogFailed(_logger, target.Display, NotificationText.Headline(e.Kind), e.Task.TaskId ?? "?", problem);
        _results.WithLabels("failed").Inc();
    }

    [LoggerMessage(EventId = 40, Level = LogLevel.Warning, Message = "notification to {Receiver} not delivered ({Event}, task {TaskId}): {Problem}")]
    private static partial void LogFailed(ILogger logger, string receiver, string @event, string taskId, string problem);

    [LoggerMessage(EventId = 41, Level = LogLevel.Warning, Message = "notification queue full: dropped '{Event}' for task {TaskId}")]
    private static partial void LogDropped(ILogger logger, string @event, string taskId);
}
