using System.Text;

namespace Reconciler.Service.Configuration;

/// <summary>
/// The secrets the service itself uses, read from the environment only. Kept apart from
/// <see cref="ServiceOptions"/> so that options can be logged; printing this prints no value.
/// </summary>
public sealed record ServiceSecrets(byte[]? WebhookSecret, string? GitHubToken)
{
    /// <summary>The bearer token that <c>POST /sync</c> requires; null: the endpoint is off.</summary>
    public string? SyncToken { get; init; }

    public static ServiceSecrets FromEnvironment(Func<string, string?> environment) => new(
        environment(ServiceSettings.WebhookSecretVariable) is { Length: > 0 } secret ? Encoding.UTF8.GetBytes(secret) : null,
        environment(ServiceSettings.GitHubTokenVariable) is { } token && token.Trim().Length > 0 ? token.Trim() : null)
    {
        SyncToken = environment(ServiceSettings.SyncTokenVariable) is { } sync && sync.Trim().Length > 0 ? sync.Trim() : null,
    };

    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("WebhookSecret = ").Append(WebhookSecret is null ? "(unset)" : "[redacted]")
            .Append(", GitHubToken = ").Append(GitHubToken is null ? "(unset)" : "[redacted]")
            .Append(", SyncToken = ").Append(SyncToken is null ? "(unset)" : "[redacted]");
        return true;
    }
}
