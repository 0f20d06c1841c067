using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace TaskApi.Simulator.Api;

/// <summary>The platform's endpoints: update (the one the reconciler applies with), stop, detail and list.</summary>
internal sealed class TaskApiEndpoints(SimulatorState state, RequestRunner runner)
{
    private const string Prefix = "/agent-api/new/user/{user_id}";
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static void Map(IEndpointRouteBuilder routes, TaskApiEndpoints endpoints)
    {
        routes.MapPut(Prefix + "/task/{task_id}", endpoints.UpdateAsync);
        routes.MapPut(Prefix + "/task_stop/{task_id}", endpoints.StopAsync);
        routes.MapGet(Prefix + "/task/{task_id}/edit", endpoints.DetailAsync);
        routes.MapGet(Prefix + "/task", context => endpoints.ListAsync(context, allSubAccounts: false));
        routes.MapGet(Prefix + "/subset_task", context => endpoints.ListAsync(context, allSubAccounts: true));
    }

    private Task UpdateAsync(HttpContext context)
    {
        var (userId, taskId) = Route(context);
        return runner.RunAsync(context, ApiOperation.UpdateTask, userId, taskId, async ct =>
        {
            if (!IsJson(context.Request.ContentType))
            {
                return ApiReplies.Error(ApiCodes.InvalidJson, "Content-Type 必须是 application/json");
            }

            var (text, problem) = await ReadBodyAsync(context.Request, ct);
            if (problem is not null)
            {
                return problem;
            }

            JsonDocument document;
            try
            {
                document = JsonDocument.Parse(text);
            }
            catch (JsonException)
            {
                return ApiReplies.Error(ApiCodes.InvalidJson, "请求体不是有效的JSON");
            }

            using (document)
            {
                var root = document.RootElement;
                var subUserId = JsonFields.GetString(root, "sub_user_id");
                var guessed = JsonFields.TryGet(root, "task_extras", out var extras) && JsonFields.TryGet(extras, "pop_mode", out _)
                    ? TaskFlavour.V2
                    : TaskFlavour.V2Legacy;
                var (status, message) = state.Update(userId, taskId, subUserId, text, guessed, flavour => TaskBodyValidator.Validate(root, flavour, state.Lines.Of));
                return status switch
                {
                    UpdateStatus.NotFound => NotFound(),
                    UpdateStatus.Invalid => ApiReplies.Error(ApiCodes.ValidationFailed, message!),
                    UpdateStatus.Running => ApiReplies.Error(ApiCodes.TaskRunning, "2.0任务启动中,请先停止任务"),
                    _ => ApiReplies.Success("修改成功"),
                };
            }
        });
    }

    private Task StopAsync(HttpContext context)
    {
        var (userId, taskId) = Route(context);
        return runner.RunAsync(context, ApiOperation.StopTask, userId, taskId, async ct =>
        {
            var subUserId = Query(context, "sub_user_id");
            var (text, problem) = await ReadBodyAsync(context.Request, ct);
            if (problem is not null)
            {
                return problem;
            }

            if (subUserId is null && !string.IsNullOrWhiteSpace(text))
            {
                try
                {
                    using var document = JsonDocument.Parse(text);
                    subUserId = JsonFields.GetString(document.RootElement, "sub_user_id");
                }
                catch (JsonException)
                {
                    return ApiReplies.Error(ApiCodes.InvalidJson, "请求体不是有效的JSON");
                }
            }

            return state.Stop(userId, taskId, subUserId) ? ApiReplies.Success("操作成功") : NotFound();
        });
    }

    private Task DetailAsync(HttpContext context)
    {
        var (userId, taskId) = Route(context);
        return runner.RunAsync(context, ApiOperation.TaskDetail, userId, taskId, _ =>
        {
            var task = state.FindVisible(userId, taskId, Query(context, "sub_user_id"));
            return Task.FromResult(task is null ? NotFound() : ApiReplies.Data(TaskViews.Detail(task)));
        });
    }

    /// <summary>
    /// The account's list (a sub-account's with <c>sub_user_id</c>), or with <paramref name="allSubAccounts"/> the tasks
    /// of all its sub-accounts (<c>subset_task</c>), in the documented shape: <c>data[]</c> of tasks whose id is
    /// <c>uuid</c>, and <c>meta</c>.
    /// </summary>
    private Task ListAsync(HttpContext context, bool allSubAccounts)
    {
        var userId = (string)context.Request.RouteValues["user_id"]!;
        return runner.RunAsync(context, ApiOperation.TaskList, userId, null, _ =>
        {
            var subUserId = allSubAccounts ? null : Query(context, "sub_user_id");
            var name = Query(context, "name");
            var status = int.TryParse(Query(context, "status"), NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s : (int?)null;
            var page = Math.Max(1, QueryInt(context, "page") ?? 1);
            var perPage = Math.Clamp(QueryInt(context, "per_page") ?? 15, 1, 100);

            var matching = state.ListTasks(userId)
                .Where(t => allSubAccounts ? t.SubUserId is not null : string.Equals(t.SubUserId, subUserId, StringComparison.Ordinal))
                .Where(t => status is null || TaskViews.StatusCode(t.Status) == status)
                .Where(t => name is null || (TaskViews.Name(t) ?? "").Contains(name, StringComparison.Ordinal))
                .ToList();
            var items = new JsonArray(matching.Skip((page - 1) * perPage).Take(perPage).Select(t => (JsonNode)TaskViews.ListItem(t)).ToArray());
            return Task.FromResult(ApiReplies.Data(items, TaskViews.ListMeta(page, perPage, matching.Count)));
        });
    }

    private static ApiReply NotFound() => ApiReplies.Error(ApiCodes.TaskNotFound, "任务不存在");

    private static (string UserId, string TaskId) Route(HttpContext context) =>
        ((string)context.Request.RouteValues["user_id"]!, (string)context.Request.RouteValues["task_id"]!);

    private static string? Query(HttpContext context, string name) =>
        context.Request.Query.TryGetValue(name, out var value) && !string.IsNullOrEmpty(value.ToString()) ? value.ToString() : null;

    private static int? QueryInt(HttpContext context, string name) =>
        int.TryParse(Query(context, name), NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;

    private static bool IsJson(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var media)
        && string.Equals(media.MediaType, "application/json", StringComparison.OrdinalIgnoreCase);

    /// <summary>The body as text decoded strictly from UTF-8, so the stored text is exactly what was sent.</summary>
    private static async Task<(string Text, ApiReply? Problem)> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        try
        {
            await request.Body.CopyToAsync(buffer, cancellationToken);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return ("", ApiReplies.Html(413, "Request Entity Too Large"));
        }

        try
        {
            return (StrictUtf8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length), null);
        }
        catch (DecoderFallbackException)
        {
            return ("", ApiReplies.Error(ApiCodes.InvalidJson, "请求体不是有效的 UTF-8 编码"));
        }
    }
}
