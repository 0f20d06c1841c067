using System.Text;
using Reconciler.Core.Secrets;

namespace Reconciler.Service.Notifications;

/// <summary>Posts one event to one receiver and says whether it took it; used by the service's notifier and by <c>apply --notify</c>.</summary>
public static class NotificationSender
{
    /// <returns>Null when delivered; else a short reason that names no URL (the URL holds the robot's key).</returns>
    public static async Task<string?> SendAsync(HttpClient http, NotifyTarget target, TaskEvent e, SecretRedactor secrets, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(secrets);
        var (url, body) = NotificationPayload.Build(target, e, secrets, now);
        try
        {
            using var content = new StringContent(body, Encoding.UTF8, "application/json");
            using var response = await http.PostAsync(url, content, cancellationToken);
            var answer = await response.Content.ReadAsStringAsync(cancellationToken);
            return RobotAnswer.Problem(target.Format, (int)response.StatusCode, answer) is { } problem ? secrets.Redact(problem) : null;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException or Polly.Timeout.TimeoutRejectedException or IOException)
        {
            // The exception's text may name the URL (with its key): only its type is told.
            return ex.GetType().Name;
        }
    }

    /// <summary>A redactor that also cuts the receivers' keys (query values, the last path segment, signing secrets) out of messages.</summary>
    public static SecretRedactor WithKeysOf(SecretRedactor secrets, IEnumerable<NotifyTarget> targets)
    {
        ArgumentNullException.ThrowIfNull(secrets);
        return secrets.With(targets.SelectMany(t => t.Url.Query.TrimStart('?').Split('&').Select(p => p[(p.IndexOf('=', StringComparison.Ordinal) + 1)..])
            .Append(t.Url.Segments[^1]).Append(t.SigningSecret)).Where(v => v is { Length: >= 8 }));
    }
}
