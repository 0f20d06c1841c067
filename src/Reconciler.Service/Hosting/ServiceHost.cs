using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Reconciler.Service.Configuration;
using Reconciler.Service.Http;
using Reconciler.Service.Metrics;
using Reconciler.Service.Notifications;
using Reconciler.Service.Status;
using Reconciler.Core.State;
using Reconciler.Git;
using Reconciler.GitHub;
using Reconciler.Service.Loop;
using Reconciler.Service.State;
using Reconciler.TaskApi;
using Reconciler.TaskApi.Auth;

namespace Reconciler.Service;

/// <summary>
/// Builds the service exactly as <c>reconciler run</c> runs it; tests build it the same way with a fake clock.
/// The state store is opened and its apply lock taken before anything else, so a second service (or an apply)
/// on the same state fails at once with a clear message, before binding a port.
/// </summary>
public static class ServiceHost
{
    /// <exception cref="ServiceSetupException">The state is locked or unreadable, or a setting cannot be used.</exception>
    public static async Task<ServiceApp> CreateAsync(ServiceOptions options, ServiceSecrets secrets, ServiceHostOverrides? overrides, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(secrets);
        overrides ??= new ServiceHostOverrides();
        var source = CreateSource(options, overrides);
        var location = StateStoreLocator.Resolve(options.StatePath, System.Environment.CurrentDirectory);
        IStateStore? store = null;
        IAsyncDisposable? applyLock = null;
        try
        {
            var opened = await StateStoreLocator.OpenForServiceAsync(location, overrides.Environment, null, cancellationToken);
            store = opened.Store;
            if (opened.Election is not null)
            {
                // Shared by several replicas: the lock is taken by the leader election, the endpoint bound by the leader.
                await CheckEndpointAsync(store, options, cancellationToken);
                applyLock = NoLock.Instance;
            }
            else
            {
                applyLock = await store.AcquireApplyLockAsync(cancellationToken);
                await StateEndpoint.EnsureAsync(store, StateEndpoint.Normalize(options.ApiUrl), options.RebindState, cancellationToken);
            }

            if (!options.WaitForRepo)
            {
                await CheckRepositoryAsync(source, options, cancellationToken);
            }

            var publisher = CreatePublisher(options, secrets);
            var app = Build(options, secrets, overrides, source, opened, publisher);
            return new ServiceApp(app, store, applyLock, source);
        }
        catch (Exception e)
        {
            if (applyLock is not null)
            {
                await applyLock.DisposeAsync();
            }

            if (store is not null)
            {
                await store.DisposeAsync();
            }

            source.Dispose();
            throw e switch
            {
                StateLockedException => new ServiceSetupException($"{e.Message}; only one service or apply may use a state file at a time", e),
                StateEndpointMismatchException => new ServiceSetupException($"state store '{location.Display}' cannot be used with {ServiceSettings.ApiUrl.Key} {options.ApiUrl}: {e.Message.Replace("--rebind-state", $"{ServiceSettings.RebindState.Flag} (or {ServiceSettings.RebindState.EnvironmentVariable}=true)", StringComparison.Ordinal)}", e),
                StateStoreException => new ServiceSetupException(e.Message, e),
                _ => Rethrow(e),
            };
        }
    }

    /// <summary>
    /// The first fetch, at start: a repository that does not exist (a typo in <c>--repo</c>, a branch not pushed, a token
    /// refused) stops the service with the reason instead of running forever "not ready". <c>--wait-for-repo</c> skips it.
    /// </summary>
    private static async Task CheckRepositoryAsync(GitRepositorySource source, ServiceOptions options, CancellationToken cancellationToken)
    {
        try
        {
            await source.FetchAsync(cancellationToken);
        }
        catch (GitSourceException e)
        {
            var wait = ServiceSettings.WaitForRepo;
            throw new ServiceSetupException(
                $"{ServiceSettings.Repo.Key} ({ServiceSettings.Repo.Flag}): cannot read {source.DisplayUrl} at {options.Branch} ({e.Kind}): {e.Message}; check the URL, the branch and the token, or start with {wait.Flag} (or {wait.EnvironmentVariable}=true) to keep polling until it can be read",
                e);
        }
    }

    /// <summary>A replica only checks the binding at start (refusing another endpoint's records); binding is the leader's write.</summary>
    private static Task CheckEndpointAsync(IStateStore store, ServiceOptions options, CancellationToken cancellationToken) =>
        StateEndpoint.CheckAsync(store, StateEndpoint.Normalize(options.ApiUrl), options.RebindState, cancellationToken);

    // Keeps the original stack trace of an unexpected failure (a plain "throw e" would cut it here).
    private static Exception Rethrow(Exception e)
    {
        System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(e);
        return e;
    }

    private static WebApplication Build(ServiceOptions options, ServiceSecrets secrets, ServiceHostOverrides overrides, GitRepositorySource source, OpenedStore opened, PullRequestPublisher? publisher)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        ConfigureWebHost(builder, options, overrides);
        var services = builder.Services;
        var status = new ServiceStatus(source.DisplayUrl, options.Branch, options.Path, options.SyncWindows);
        var metrics = new ServiceMetrics();
        services.AddSingleton(options);
        services.AddSingleton(secrets);
        services.AddSingleton(new ServiceClock(overrides.Clock));
        services.AddSingleton(status);
        services.AddSingleton(metrics);
        services.AddSingleton(source);
        services.AddSingleton(opened.Store);
        services.AddSingleton(opened.Holds);
        services.AddSingleton<TriggerQueue>();
        services.AddSingleton<RollbackRequests>();
        services.AddSingleton<RollbackEndpoint>();
        services.AddSingleton<GitHubWebhook>();
        services.AddSingleton(new StatusPage(options.RepoWebUrl));
        services.AddSingleton<SyncEndpoint>();
        services.AddSingleton<ITokenSource>(new EnvironmentTokenSource(overrides.Environment));
        services.AddTaskApiClient(api =>
        {
            api.BaseAddress = options.ApiUrl;
            api.MaxRequestsPerSecond = options.MaxRps;
            overrides.ConfigureTaskApi?.Invoke(api);
        });
        NotificationServices.Add(services, options, secrets, source.DisplayUrl, overrides.Notify);
        ReconcilingServices.Add(services, options, overrides, source, opened, publisher, status, metrics);

        var app = builder.Build();
        ServiceEndpoints.Map(app);
        return app;
    }

    /// <summary>Kestrel on the one listen address, the service's logging, the shutdown budget, and who handles signals.</summary>
    private static void ConfigureWebHost(WebApplicationBuilder builder, ServiceOptions options, ServiceHostOverrides overrides)
    {
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = GitHubWebhook.MaxBodyBytes;
            kestrel.Listen(options.Listen);
        });
        ServiceLogging.Configure(builder.Logging, options, overrides);
        var services = builder.Services;
        services.AddRoutingCore();
        services.Configure<HostOptions>(host =>
        {
            // In-flight PUTs get the grace period; the rest covers recording them and the last run.
            host.ShutdownTimeout = options.GracePeriod + TimeSpan.FromSeconds(15);
        });
        if (overrides.HandleSignals)
        {
            services.AddSingleton<IHostLifetime, Microsoft.Extensions.Hosting.Internal.ConsoleLifetime>();
            services.AddSystemd();
        }
        else
        {
            services.AddSingleton<IHostLifetime, NullHostLifetime>();
        }
    }

    private static GitRepositorySource CreateSource(ServiceOptions options, ServiceHostOverrides overrides)
    {
        try
        {
            return new GitRepositorySource(new GitRepositorySourceOptions
            {
                Url = options.Repo,
                Branch = options.Branch,
                Path = options.Path,
                CacheDirectory = options.CacheDirectory,
                ReadEnvironment = overrides.Environment,
            });
        }
        catch (ArgumentException e)
        {
            throw new ServiceSetupException($"{ServiceSettings.Repo.Key} ({ServiceSettings.Repo.Flag}): {e.Message}", e);
        }
    }

    private static PullRequestPublisher? CreatePublisher(ServiceOptions options, ServiceSecrets secrets)
    {
        if (options.GitHubRepo is null)
        {
            return null;
        }

        if (secrets.GitHubToken is null)
        {
            throw new ServiceSetupException($"{ServiceSettings.GitHubRepo.Key} is set but {ServiceSettings.GitHubTokenVariable} is not: the token needs pull-requests: write and statuses: write");
        }

        try
        {
            return new PullRequestPublisher(GitHubOptions.For(options.GitHubRepo, secrets.GitHubToken, options.GitHubApiUrl));
        }
        catch (ArgumentException e)
        {
            throw new ServiceSetupException($"{ServiceSettings.GitHubRepo.Key}: {e.Message}", e);
        }
    }
}
