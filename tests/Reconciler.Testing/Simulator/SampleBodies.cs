namespace Reconciler.Testing.Simulator;

/// <summary>
/// Valid update bodies from the platform's document, as compact JSON text. They carry an id beyond 2^53
/// both as a digit string and as a JSON number, and Chinese text, so exact round trips are exercised.
/// </summary>
public static class SampleBodies
{
    /// <summary>An id that a double cannot hold (2^53 is 9007199254740992).</summary>
    public const string BigId = "215870475195883520";

    /// <summary>A 新版任务2.0 body (two lines, so <c>maximumcall</c> must be even).</summary>
    public static string V2(string name = "测试api接口创建-222", int maximumCall = 2, string? subUserId = null) =>
        "{" + SubUser(subUserId) +
        $"\"name\":\"{name}\",\"group_type\":\"group\",\"destination_extension\":123,\"is_group_switch\":1," +
        $"\"maximumcall\":{maximumCall},\"dial_time_id\":123,\"background_id\":{BigId}," +
        "\"task_extras\":{\"start_time\":\"2024-12-23 19:00:00\",\"stop_time\":\"2025-12-25 23:59:59\"," +
        "\"line\":[{\"id\":\"d47c3599-f166-4cd0-999c-f60e46814d26\",\"limit\":1},{\"id\":\"0b7e1c56-2f0d-4c59-9d0c-5d3c1f2a9e11\",\"limit\":1}]," +
        $"\"destination_extension_list\":[{{\"begin\":\"09:00\",\"end\":\"12:00\",\"destination_extension\":\"{BigId}\"}}]," +
        "\"holiday\":[],\"work_hour\":[],\"work_week\":[],\"pop_mode\":1,\"redial_enabled\":0,\"redial_new_number_policy\":0," +
        "\"redial_interval\":3,\"redial_max_times\":3,\"redial_conditions\":{\"da_status\":[2,3,4,6,8,9,12]}}," +
        "\"task_type\":7,\"llm_intention_id\":123,\"score_scheme_id\":123}";

    /// <summary>A 旧版任务2.0 body (lines as ids, holiday with begin/end, group_switch_rule).</summary>
    public static string Legacy(string name = "测试api接口创建-222", int maximumCall = 1, string? subUserId = null) =>
        "{" + SubUser(subUserId) +
        $"\"name\":\"{name}\",\"destination_extension\":102,\"maximumcall\":{maximumCall},\"dial_time_id\":5,\"background_id\":52," +
        "\"task_extras\":{\"start_time\":\"2024-11-01 13:25:26\",\"stop_time\":\"2025-11-01 13:25:26\",\"line\":[]," +
        "\"holiday\":[{\"begin\":\"2024-11-01 13:25\",\"end\":\"2024-11-03 13:25\"}]}," +
        $"\"group_switch_rule\":[{{\"switch_start\":\"09:00\",\"switch_end\":\"12:00\",\"group_id\":{BigId},\"default_group_id\":123}}]}}";

    private static string SubUser(string? subUserId) => subUserId is null ? "" : $"\"sub_user_id\":\"{subUserId}\",";
}
