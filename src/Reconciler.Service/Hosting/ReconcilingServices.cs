using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Reconciler.Core.Applying;
using Reconciler.Core.Policies;
using Reconciler.Core.Reconciling;
using Reconciler.Git;
using Reconciler.GitHub;
using Reconciler.Service.Configuration;
using Reconciler.Service.GitHub;
using Reconciler.Service.Loop;
using Reconciler.Service.Metrics;
using Reconciler.Service.Notifications;
using Reconciler.Service.Replicas;
using Reconciler.Service.State;
using Reconciler.Service.Status;

namespace Reconciler.Service;

/// <summary>
/// Wires the reconciling parts: the runner and its engine, the pull-request watcher (its own plan-only engine), the
/// replicas' election when the store offers one, and the loop that drives them on the schedule's clock.
/// </summary>
internal static class ReconcilingServices
{
    public static void Add(IServiceCollection services, ServiceOptions options, ServiceHostOverrides overrides, GitRepositorySource source, OpenedStore opened, PullRequestPublisher? publisher, ServiceStatus status, ServiceMetrics metrics)
    {
        var (store, clock) = (opened.Store, overrides.Clock);
        // The running check's reads of a pass end within half a poll interval (1 s to 30 s): one slow answer cannot hold the polls.
        var readBudget = TimeSpan.FromTicks(Math.Clamp((options.Interval / 2).Ticks, TimeSpan.FromSeconds(1).Ticks, TimeSpan.FromSeconds(30).Ticks));
        var settings = new ReconcileSettings(options.Parallelism, options.RunningCheck, options.GracePeriod, options.SyncWindows, readBudget, options.Verify, options.Rollout);
        // The runner's engine plans against the inventory kept in memory between passes; the other readers read the store.
        var inventory = new InventoryCache(store, metrics.PlanWork.InventoryLoaded);
        services.AddSingleton(provider => new ReconcileRunner(
            options, source, new Reconciliation(settings, inventory, new MeasuredTaskApi(provider.GetRequiredService<ITaskApi>(), metrics), clock, drift: new DriftPolicy(options.SelfHeal, options.SelfHealLimit)),
            store, status, metrics, clock, provider.GetRequiredService<ILogger<ReconcileRunner>>(), opened.Holds, provider.GetRequiredService<RollbackRequests>(), provider.GetService<Notifier>(),
            new PolicyEnforcement(publisher is null ? null : new RevisionApprovals(publisher), provider.GetRequiredService<ILogger<PolicyEnforcement>>()),
            new InventoryReload(inventory, SharedStore: opened.Election is not null)));
        if (publisher is not null)
        {
            // Plan-only (no API): its own engine and evaluation cache, so pull-request heads never evict the branch's entries.
            services.AddSingleton<IPullRequestPublisher>(publisher);
            services.AddSingleton(provider => new PullRequestWatcher(
                options, publisher, source, new PlanningEngine(settings, store, time: clock), status, metrics, clock, provider.GetRequiredService<ILogger<PullRequestWatcher>>()));
        }

        if (opened.Election is { } election)
        {
            // Registered before the loop: hosted services stop in reverse order, so the lease outlives the last pass.
            services.AddSingleton(election);
            services.AddSingleton(provider => new FollowerView(store, opened.Holds, election, source, options, settings, status, metrics, clock, provider.GetRequiredService<ILogger<FollowerView>>()));
            services.AddSingleton<ReplicaLeadership>();
            services.AddSingleton<ILeadership>(provider => provider.GetRequiredService<ReplicaLeadership>());
            services.AddHostedService(provider => provider.GetRequiredService<ReplicaLeadership>());
        }

        var random = overrides.Random ?? new Random();
        services.AddHostedService(provider => new ReconcileLoop(
            provider.GetRequiredService<ReconcileRunner>(), provider.GetRequiredService<TriggerQueue>(), ScheduleSettings.From(options), status, clock, random,
            provider.GetRequiredService<ILogger<ReconcileLoop>>(), provider.GetRequiredService<IHostApplicationLifetime>(), provider.GetService<PullRequestWatcher>(), provider.GetService<ILeadership>()));
    }
}
