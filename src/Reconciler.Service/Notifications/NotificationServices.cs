using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Polly;
using Reconciler.Core.Secrets;
using Reconciler.Service.Configuration;
using Reconciler.Service.Metrics;

namespace Reconciler.Service.Notifications;

/// <summary>Registers the notifier and its HTTP client (bounded retries, timeouts) when <c>Notify</c> names receivers.</summary>
internal static class NotificationServices
{
    public static void Add(IServiceCollection services, ServiceOptions options, ServiceSecrets secrets, string repository, NotifyOptions notify)
    {
        if (options.Notify.Count == 0)
        {
            return;
        }

        var client = services.AddHttpClient(Notifier.HttpClientName, http => http.Timeout = Timeout.InfiniteTimeSpan);
        client.ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false, PooledConnectionLifetime = TimeSpan.FromMinutes(5) });
        client.RedactLoggedHeaders(_ => true);

        // A retried POST may post a message twice: better than losing it (robots have no idempotency key).
        client.AddResilienceHandler(Notifier.HttpClientName, pipeline =>
        {
            pipeline.AddTimeout(notify.TotalTimeout);
            if (notify.MaxRetryAttempts > 0)
            {
                pipeline.AddRetry(new HttpRetryStrategyOptions
                {
                    MaxRetryAttempts = notify.MaxRetryAttempts,
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                    Delay = notify.BaseDelay,
                    ShouldRetryAfterHeader = true,
                });
            }

            pipeline.AddTimeout(notify.AttemptTimeout);
        });

        services.AddSingleton(provider => new Notifier(
            options.Notify,
            notify,
            provider.GetRequiredService<IHttpClientFactory>(),
            provider.GetRequiredService<ServiceMetrics>(),
            new SecretRedactor([secrets.GitHubToken, secrets.SyncToken, secrets.WebhookSecret is null ? null : System.Text.Encoding.UTF8.GetString(secrets.WebhookSecret)]),
            TimeProvider.System,
            repository,
            provider.GetRequiredService<ILogger<Notifier>>()));
        services.AddHostedService(provider => provider.GetRequiredService<Notifier>());
    }
}
