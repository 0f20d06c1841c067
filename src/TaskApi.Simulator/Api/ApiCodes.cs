namespace TaskApi.Simulator.Api;

/// <summary>
/// The <c>code</c> values the simulator answers with. Only 200 and 6007 come from the platform's document;
/// the others are the simulator's own choice (the document names no codes for them), sent with HTTP 200
/// as the platform does for API errors.
/// </summary>
public static class ApiCodes
{
    /// <summary>修改成功 / 操作成功.</summary>
    public const int Success = 200;

    /// <summary>The body is not JSON, not UTF-8, or not sent as <c>application/json</c>.</summary>
    public const int InvalidJson = 400;

    /// <summary>HTTP 401: the bearer token is missing or not this account's (also the <c>code</c> of that answer).</summary>
    public const int Unauthenticated = 401;

    /// <summary>No such task for this account (or the task is a sub-account's and the request did not name it).</summary>
    public const int TaskNotFound = 404;

    /// <summary>A field rule of the document failed; the message names the field.</summary>
    public const int ValidationFailed = 422;

    /// <summary>HTTP 429 from a rate-limit fault.</summary>
    public const int TooManyRequests = 429;

    /// <summary>2.0任务启动中,请先停止任务 (from the document).</summary>
    public const int TaskRunning = 6007;
}
