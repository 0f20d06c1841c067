using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace TaskApi.Simulator.Control;

/// <summary>
/// The control surface under <c>/_simulator</c>: the same powers as <see cref="SimulatorState"/>, as JSON.
/// Every route is listed in README.md. Bad input answers HTTP 400 <c>{"error": "..."}</c>.
/// </summary>
internal static class ControlEndpoints
{
    public static void Map(IEndpointRouteBuilder routes, SimulatorState state)
    {
        var group = routes.MapGroup("/_simulator");
        group.MapGet("/health", Handle(_ => Ok(new JsonObject { ["status"] = "ok" })));

        group.MapGet("/accounts", Handle(_ => Ok(new JsonObject { ["accounts"] = ControlViews.ToNode(state.AccountIds()) })));
        group.MapPost("/accounts", Handle(async context =>
        {
            var request = await ReadAsync<AccountRequest>(context);
            state.RegisterAccount(request.UserId ?? "", request.Token ?? ""); // throws on empty: answered 400
            return Ok(new JsonObject { ["user_id"] = request.UserId });
        }));

        group.MapGet("/tasks", Handle(context =>
            Ok(ControlViews.Array(state.ListTasks(Query(context, "user_id")), ControlViews.Task))));
        group.MapPost("/tasks", Handle(async context =>
        {
            var request = await ReadAsync<TaskRequest>(context);
            return (StatusCodes.Status201Created, ControlViews.Task(state.CreateTask(request.ToDefinition())));
        }));
        group.MapGet("/tasks/{user_id}/{task_id}", Handle(context =>
        {
            var (userId, taskId) = TaskRoute(context);
            var task = state.GetTask(userId, taskId);
            return task is null ? Error(StatusCodes.Status404NotFound, $"no task {userId}/{taskId}") : Ok(ControlViews.Task(task));
        }));
        group.MapMethods("/tasks/{user_id}/{task_id}", ["PATCH"], Handle(async context =>
        {
            // As from the web console: a JSON merge patch of the stored body, not an API update.
            var (userId, taskId) = TaskRoute(context);
            var patch = await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted) as JsonObject
                ?? throw new ArgumentException("give a JSON object: the fields to change (null removes one)");
            return state.GetTask(userId, taskId) is null
                ? Error(StatusCodes.Status404NotFound, $"no task {userId}/{taskId}")
                : Ok(ControlViews.Task(state.EditAsConsole(userId, taskId, patch)));
        }));
        group.MapPut("/tasks/{user_id}/{task_id}/status", Handle(async context =>
        {
            var (userId, taskId) = TaskRoute(context);
            var request = await ReadAsync<StatusRequest>(context);
            var status = request.Status
                ?? (request.Running is { } running
                    ? running ? SimulatedTaskStatus.Dialling : SimulatedTaskStatus.Paused
                    : throw new ArgumentException("give status (paused, waiting, dialling) or running (true, false)"));
            return state.GetTask(userId, taskId) is null
                ? Error(StatusCodes.Status404NotFound, $"no task {userId}/{taskId}")
                : Ok(ControlViews.Task(state.SetStatus(userId, taskId, status)));
        }));

        group.MapPost("/counters/reset", Handle(_ =>
        {
            state.ResetCounters();
            return Ok(new JsonObject { ["reset"] = true });
        }));

        group.MapGet("/requests", Handle(_ => Ok(ControlViews.Array(state.GetRequestLog(), ControlViews.Request))));
        group.MapDelete("/requests", Handle(_ =>
        {
            state.ClearRequestLog();
            return Ok(new JsonObject { ["cleared"] = true });
        }));

        group.MapGet("/lines", Handle(_ => Ok(LinesView(state))));
        group.MapPut("/lines/{line_id}", Handle(async context =>
        {
            var request = await ReadAsync<LineRequest>(context);
            state.Lines.Set((string)context.Request.RouteValues["line_id"]!, request.Residue);
            return Ok(LinesView(state));
        }));

        MapFaults(group, state);

        group.MapGet("/settings", Handle(_ => Ok(new JsonObject { ["auto_create_tasks"] = state.AutoCreateTasks })));
        group.MapPut("/settings", Handle(async context =>
        {
            var request = await ReadAsync<SettingsRequest>(context);
            state.AutoCreateTasks = request.AutoCreateTasks;
            return Ok(new JsonObject { ["auto_create_tasks"] = state.AutoCreateTasks });
        }));
    }

    private static void MapFaults(RouteGroupBuilder group, SimulatorState state)
    {
        group.MapGet("/faults", Handle(_ => Ok(ControlViews.ToNode(FaultProfileDto.From(state.GetFaultProfile())))));
        group.MapPut("/faults", Handle(async context =>
        {
            state.SetFaultProfile((await ReadAsync<FaultProfileDto>(context)).ToProfile());
            return Ok(ControlViews.ToNode(FaultProfileDto.From(state.GetFaultProfile())));
        }));
        group.MapDelete("/faults", Handle(_ =>
        {
            state.ClearFaults();
            return Ok(new JsonObject { ["cleared"] = true });
        }));

        group.MapGet("/faults/queue", Handle(_ => Ok(QueueView(state))));
        group.MapPost("/faults/queue", Handle(async context =>
        {
            state.EnqueueFault((await ReadAsync<QueuedFaultDto>(context)).ToFault());
            return Ok(QueueView(state));
        }));
        group.MapDelete("/faults/queue", Handle(_ =>
        {
            state.ClearQueuedFaults();
            return Ok(QueueView(state));
        }));
    }

    private static JsonObject LinesView(SimulatorState state) =>
        new() { ["lines"] = new JsonArray(state.Lines.All().Select(l => (JsonNode)new JsonObject { ["id"] = l.Key, ["residue"] = l.Value }).ToArray()) };

    private static JsonArray QueueView(SimulatorState state) =>
        ControlViews.Array(state.GetQueuedFaults(), f => ControlViews.ToNode(QueuedFaultDto.From(f)));

    private static RequestDelegate Handle(Func<HttpContext, (int Status, JsonNode Body)> handler) =>
        Handle(context => Task.FromResult(handler(context)));

    private static RequestDelegate Handle(Func<HttpContext, Task<(int Status, JsonNode Body)>> handler) => async context =>
    {
        (int Status, JsonNode Body) answer;
        try
        {
            answer = await handler(context);
        }
        catch (Exception e) when (e is JsonException or ArgumentException or KeyNotFoundException or NotSupportedException)
        {
            answer = Error(StatusCodes.Status400BadRequest, e.Message);
        }

        context.Response.StatusCode = answer.Status;
        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.WriteAsync(answer.Body.ToJsonString(ControlJson.Options), Encoding.UTF8, context.RequestAborted);
    };

    private static async Task<T> ReadAsync<T>(HttpContext context) =>
        await JsonSerializer.DeserializeAsync<T>(context.Request.Body, ControlJson.Options, context.RequestAborted)
        ?? throw new ArgumentException("a JSON object is required");

    private static (int, JsonNode) Ok(JsonNode body) => (StatusCodes.Status200OK, body);

    private static (int, JsonNode) Error(int status, string message) => (status, new JsonObject { ["error"] = message });

    private static (string UserId, string TaskId) TaskRoute(HttpContext context) =>
        ((string)context.Request.RouteValues["user_id"]!, (string)context.Request.RouteValues["task_id"]!);

    private static string? Query(HttpContext context, string name) =>
        context.Request.Query.TryGetValue(name, out var value) && !string.IsNullOrEmpty(value.ToString()) ? value.ToString() : null;
}
