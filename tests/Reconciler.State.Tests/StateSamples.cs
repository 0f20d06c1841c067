using Reconciler.Core.Manifests;
using Reconciler.Core.Normalization;
using Reconciler.Core.State;

namespace Reconciler.State.Tests;

/// <summary>Records shaped like real ones: a Chinese name, an id beyond 2^53, nested extras.</summary>
internal static class StateSamples
{
    public const string UserId = "5832d184-dd53-42a0-8ace-0bf8d660f4cc";
    public const string TaskId = "f232d184-dd54-42a0-8ace-0bf8d660f4cc";

    /// <summary>215870475195883520 &gt; 2^53: a double would turn it into ...3500.</summary>
    public const string BodyJson = """
        {"name":"测试api接口创建-222","destination_extension":215870475195883520,"maximumcall":2,
         "dial_time_id":"215870475195883520",
         "task_extras":{"start_time":"2024-12-23 19:00:00","line":[],"holiday":[],"pop_mode":1}}
        """;

    public static readonly TaskIdentity Identity = new(UserId, TaskId);

    public static readonly TaskIdentity OtherIdentity = new(UserId, "0c1d5e7a-0000-4000-8000-000000000002");

    public static readonly DateTimeOffset At = new(2026, 11, 24, 10, 0, 0, TimeSpan.Zero);

    public static AppliedRecord Applied(
        string taskId = TaskId,
        string bodyJson = BodyJson,
        string? revision = "9fceb02d0ae598e95dc970b74767f19372d61af8",
        DateTimeOffset? at = null) =>
        new(
            new TaskIdentity(UserId, taskId),
            CanonicalBody.FromJson(bodyJson),
            "tasks/华东/回访-222.yaml",
            revision,
            at ?? At);

    public static ApplyAttempt Attempt(
        DateTimeOffset at,
        ApplyOutcome outcome = ApplyOutcome.Applied,
        string taskId = TaskId,
        int? apiCode = 200,
        string? message = "修改成功") =>
        new(
            at,
            "9fceb02d0ae598e95dc970b74767f19372d61af8",
            new TaskIdentity(UserId, taskId),
            outcome,
            apiCode,
            message,
            TimeSpan.FromMilliseconds(123),
            "ab12");
}
