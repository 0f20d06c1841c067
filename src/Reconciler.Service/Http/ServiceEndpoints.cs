using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Reconciler.Service.Metrics;
using Reconciler.Service.Status;

namespace Reconciler.Service.Http;

/// <summary>The operations surface: the status page, health, readiness, Prometheus metrics, status JSON, sync and the GitHub webhook.</summary>
public static class ServiceEndpoints
{
    /// <summary><c>/status</c> is read by people and scripts: the contract's options (<see cref="Status.StatusJson"/>).</summary>
    private static JsonSerializerOptions StatusJson => Status.StatusJson.Options;

    public static void Map(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet("/", (HttpContext context) => context.RequestServices.GetRequiredService<StatusPage>().WriteAsync(context.Response, context.RequestAborted));
        app.MapPost("/sync", async (HttpContext context) =>
        {
            var result = await context.RequestServices.GetRequiredService<SyncEndpoint>().HandleAsync(context.Request, context.RequestAborted);
            await result.ExecuteAsync(context);
        });
        app.MapPost("/rollback", async (HttpContext context) =>
        {
            var result = await context.RequestServices.GetRequiredService<RollbackEndpoint>().HandleAsync(context.Request, context.RequestAborted);
            await result.ExecuteAsync(context);
        });
        app.MapGet("/healthz", (HttpContext context) => context.Response.WriteAsync("ok\n", context.RequestAborted));
        app.MapGet("/readyz", (HttpContext context) =>
        {
            var status = context.RequestServices.GetRequiredService<ServiceStatus>().Current;
            var result = status switch
            {
                { Ready: false } => Results.Json(new { status = "not ready: no successful fetch yet", error = status.LastFetchError }, StatusJson, statusCode: StatusCodes.Status503ServiceUnavailable),
                { StateError: { } stateError } => Results.Json(new { status = "not ready: the state store is unusable, nothing is sent", error = stateError }, StatusJson, statusCode: StatusCodes.Status503ServiceUnavailable),
                _ => Results.Json(new { status = "ready", revision = status.WatchedRevision }, StatusJson),
            };
            return result.ExecuteAsync(context);
        });
        app.MapGet("/metrics", (HttpContext context) =>
        {
            context.Response.ContentType = ServiceMetrics.ContentType;
            return context.RequestServices.GetRequiredService<ServiceMetrics>().WriteAsync(context.Response.Body, context.RequestAborted);
        });
        app.MapGet("/status", (HttpContext context) =>
        {
            var now = context.RequestServices.GetRequiredService<ServiceClock>().Time.GetUtcNow();
            var snapshot = context.RequestServices.GetRequiredService<ServiceStatus>().Snapshot(now);

            // ?tasks=problems keeps the answer small on a 10,000-task repository: only tasks that need attention.
            snapshot = context.Request.Query["tasks"].ToString() switch
            {
                "problems" => snapshot with { Tasks = snapshot.Tasks.Where(TaskProblems.IsProblem).ToList() },
                "none" => snapshot with { Tasks = [] },
                _ => snapshot,
            };

            // ?order=problems: blocked first, then failures, in doubt, drift, left stopped, waiting; the fine ones last.
            if (context.Request.Query["order"].ToString() == "problems")
            {
                snapshot = snapshot with { Tasks = TaskProblems.Order(snapshot.Tasks) };
            }

            return Results.Json(snapshot, StatusJson).ExecuteAsync(context);
        });
        app.MapPost("/hooks/github", async (HttpContext context) =>
        {
            var result = await context.RequestServices.GetRequiredService<GitHubWebhook>().HandleAsync(context.Request, context.RequestAborted);
            await result.ExecuteAsync(context);
        });
    }
}
