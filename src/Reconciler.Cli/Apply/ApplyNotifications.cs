using System.Text.RegularExpressions;
using Reconciler.Core.Ledger;
using Reconciler.Core.Reconciling;
using Reconciler.Core.Tasks;
using Reconciler.Service.Notifications;

namespace Reconciler.Cli.Apply;

/// <summary>
/// <c>apply --notify URL</c>: after the apply, one message per task that ended blocked, failed, in doubt or left
/// stopped, in the receivers' formats (as the service sends them). A one-shot command has no previous run, so
/// there is no "recovered". Sent with a short time limit; a receiver that fails is a warning, never the exit code.
/// </summary>
internal static partial class ApplyNotifications
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    /// <exception cref="CliException">A URL is not a usable receiver (named by format and host only).</exception>
    public static IReadOnlyList<NotifyTarget> Parse(IEnumerable<string> urls) => urls
        .SelectMany(u => u.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        .Select(u => NotifyTarget.TryParse(u, out var target, out var why) ? target : throw new CliException($"--notify: {why}"))
        .ToList();

    public static async Task SendAsync(IReadOnlyList<NotifyTarget> targets, ReconcileRun run, string source, CliConsole console, CancellationToken cancellationToken)
    {
        // The one state rule, with no memory: an explicit apply remembers nothing between runs.
        if (targets.Count == 0 || TaskStandings.Derive(run, TaskLedger.Empty) is not { } tasks)
        {
            return;
        }

        var events = new TaskEventDetector().Next(tasks, Credentials().Replace(source, "://"), run.Record.Revision, TimeProvider.System.GetUtcNow());
        if (events.Count == 0)
        {
            return;
        }

        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(Limit);
        using var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { Timeout = TimeSpan.FromSeconds(10) };
        var secrets = NotificationSender.WithKeysOf(console.Secrets, targets);
        var sent = 0;
        try
        {
            foreach (var e in events)
            {
                foreach (var target in targets)
                {
                    if (await NotificationSender.SendAsync(http, target, e, secrets, TimeProvider.System.GetUtcNow(), limit.Token) is { } problem)
                    {
                        await console.Error.WriteLineAsync($"reconciler: warning: notification to {target.Display} not delivered: {problem}");
                    }
                    else
                    {
                        sent++;
                    }
                }
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            await console.Error.WriteLineAsync($"reconciler: warning: notifications stopped after {Limit.TotalSeconds:0} s");
        }

        await console.Error.WriteLineAsync($"reconciler: {sent} notification(s) sent for {events.Count} task(s) that need attention");
    }

    // A repository URL may carry credentials (https://user:token@host/…): never in a message.
    [GeneratedRegex("://[^/@]*@")]
    private static partial Regex Credentials();
}
