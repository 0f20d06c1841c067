using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Reconciler.Service.Loop;
using Reconciler.Service.Status;

namespace Reconciler.Service.Http;

/// <summary>
/// <c>POST /rollback?to=REVISION</c> (<c>reconciler rollback --service</c>), authenticated like <c>POST /sync</c>: the next pass
/// applies the manifests of that earlier revision of the watched branch and holds the branch's revision until it moves.
/// <c>&amp;plan=true</c> only plans it (what the command shows before asking). The request waits for its pass.
/// </summary>
public sealed partial class RollbackEndpoint(SyncEndpoint sync, RollbackRequests rollbacks, ILogger<RollbackEndpoint> logger)
{
    /// <summary>Longest a request waits for its pass (a long apply may take minutes).</summary>
    public static readonly TimeSpan MaxWait = TimeSpan.FromMinutes(10);

    public async Task<IResult> HandleAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (sync.Refusal(request) is { } refused)
        {
            return refused;
        }

        var revision = request.Query["to"].ToString().Trim();
        if (revision.Length is 0 or > 64 || !revision.All(char.IsAsciiHexDigit))
        {
            return Results.Json(new { error = "to= must name a commit of the watched branch (its id, 7 to 64 hexadecimal digits)" }, statusCode: StatusCodes.Status400BadRequest);
        }

        var planOnly = request.Query["plan"].ToString() is "true" or "1";
        LogRequested(logger, revision, planOnly ? "plan only" : "apply");
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(MaxWait);
        try
        {
            var answer = await rollbacks.RequestAsync(revision, planOnly, limit.Token);
            return Results.Json(answer, StatusJson.Options, statusCode: answer.Status == "refused" ? StatusCodes.Status422UnprocessableEntity : StatusCodes.Status200OK);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return Results.Json(new { error = $"no pass answered the rollback within {MaxWait.TotalMinutes:0} minutes; see /status" }, statusCode: StatusCodes.Status504GatewayTimeout);
        }
    }

    [LoggerMessage(EventId = 35, Level = LogLevel.Warning, Message = "rollback to {Revision} requested ({Mode})")]
    private static partial void LogRequested(ILogger logger, string revision, string mode);
}
