using System.Text.Json.Nodes;
using Reconciler.Core.Manifests;
using static TaskApi.Simulator.Tests.Audit.AuditVerdict;
using static TaskApi.Simulator.Tests.Audit.BodyEdits;

namespace TaskApi.Simulator.Tests.Audit;

/// <summary>The audit corpus: the document's rules one by one, on both flavours, plus the rules only one side has.</summary>
internal static class AuditCases
{
    public const string V2Base = """{"name":"审计任务","destination_extension":123,"maximumcall":2,"dial_time_id":123,"task_extras":{"start_time":"2026-12-23 19:00:00","stop_time":"2027-12-25 23:59:59","pop_mode":1,"line":[{"id":"d47c3599-f166-4cd0-999c-f60e46814d26","limit":2}],"holiday":[]}}""";
    public const string LegacyBase = """{"name":"审计任务","destination_extension":102,"maximumcall":1,"dial_time_id":5,"task_extras":{"start_time":"2026-11-01 13:25:26","stop_time":"2027-11-01 13:25:26","line":[],"holiday":[{"begin":"2026-11-01 13:25","end":"2026-11-03 13:25"}]}}""";
    private const string Line = "d47c3599-f166-4cd0-999c-f60e46814d26";

    public static IEnumerable<AuditCase> All()
    {
        // The base bodies, and the document's own examples (testdata/seed-bodies) are added by the test.
        yield return V2("base", _ => { }, BothAccept);
        yield return Legacy("legacy-base", _ => { }, BothAccept);

        // Required fields (必填) and the two lists that must always be sent.
        foreach (var field in new[] { "name", "destination_extension", "dial_time_id", "maximumcall", "task_extras", "task_extras.start_time", "task_extras.stop_time", "task_extras.pop_mode" })
        {
            yield return V2($"missing {field}", b => Remove(b, field), BothRefuse);
        }

        yield return Legacy("legacy missing task_extras.start_time", b => Remove(b, "task_extras.start_time"), BothRefuse);
        yield return V2("name empty", b => b["name"] = "", BothRefuse);
        yield return V2("line not a list", b => Set(b, "task_extras.line", "{}"), BothRefuse);
        yield return V2("holiday not a list", b => Set(b, "task_extras.holiday", "\"none\""), BothRefuse);

        // Types from the parameter tables.
        yield return V2("maximumcall zero", b => b["maximumcall"] = 0, ReconcilerStricter, "lower-bounds");
        yield return V2("maximumcall text", b => b["maximumcall"] = "two", BothRefuse);
        yield return V2("maximumcall 2.0", b => Set(b, "maximumcall", "2.0"), BothRefuse);
        yield return V2("maximumcall 2e0", b => Set(b, "maximumcall", "2e0"), BothRefuse);
        yield return V2("destination_extension 1e400", b => Set(b, "destination_extension", "1e400"), BothRefuse);
        yield return V2("dial_time_id 400 digits", b => Set(b, "dial_time_id", new string('9', 400)), BothRefuse);
        yield return V2("id as digit string", b => b["destination_extension"] = "215870475195883520", BothAccept);
        yield return V2("id digit string beyond 64 bits", b => b["destination_extension"] = "99999999999999999999", BothRefuse);
        yield return V2("remark not text", b => b["remark"] = 1, BothRefuse);
        yield return V2("end_action text", b => b["end_action"] = "x", BothRefuse);
        yield return V2("elasticity_type yes", b => b["elasticity_type"] = "yes", BothRefuse);
        yield return V2("elasticity_type 1", b => b["elasticity_type"] = 1, BothAccept);
        yield return V2("redial_enabled true", b => Set(b, "task_extras.redial_enabled", "true"), BothAccept);
        yield return V2("background_id big", b => Set(b, "background_id", "215870475195883520"), BothAccept);
        yield return V2("interval_time top level", b => b["interval_time"] = 0, BothAccept);

        // bridge_group_id: "不传这个键,则表示为空 传了则必填".
        yield return V2("bridge_group_id set", b => b["bridge_group_id"] = 1, BothAccept);
        yield return V2("bridge_group_id empty", b => b["bridge_group_id"] = "", BothRefuse);
        yield return V2("bridge_group_id null", b => Set(b, "bridge_group_id", "null"), BothRefuse);

        // pop_mode, lines, maximumcall and residue.
        yield return V2("pop_mode 3", b => Set(b, "task_extras.pop_mode", "3"), BothRefuse);
        yield return V2("v2 line as id", b => Set(b, "task_extras.line", $"[\"{Line}\"]"), BothRefuse);
        yield return V2("maximumcall not divisible", b => { b["maximumcall"] = 3; Set(b, "task_extras.line", $"[{{\"id\":\"{Line}\",\"limit\":2}},{{\"id\":\"b\",\"limit\":2}}]"); }, BothRefuse);
        yield return V2("maximumcall without lines", b => { b["maximumcall"] = 3; Set(b, "task_extras.line", "[]"); }, BothAccept);
        yield return V2("share above limit (warning)", b => Set(b, "task_extras.line", $"[{{\"id\":\"{Line}\",\"limit\":1}}]"), BothAccept);
        yield return V2("share above residue", b => Set(b, "task_extras.line", $"[{{\"id\":\"audit-residue-1\",\"limit\":5}}]"), SimulatorStricter, "residue")
            with { Residues = new Dictionary<string, long> { ["audit-residue-1"] = 1 } };
        yield return V2("share within residue", b => Set(b, "task_extras.line", $"[{{\"id\":\"audit-residue-2\",\"limit\":5}}]"), BothAccept)
            with { Residues = new Dictionary<string, long> { ["audit-residue-2"] = 2 } };
        yield return V2("line without limit", b => Set(b, "task_extras.line", $"[{{\"id\":\"{Line}\"}}]"), ReconcilerStricter, "list-items");
        yield return V2("line limit zero", b => Set(b, "task_extras.line", $"[{{\"id\":\"{Line}\",\"limit\":0}}]"), ReconcilerStricter, "lower-bounds");
        yield return Legacy("legacy line object", b => Set(b, "task_extras.line", $"[{{\"id\":\"{Line}\",\"limit\":1}}]"), BothRefuse);
        yield return Legacy("legacy line ids repeated", b => { Set(b, "task_extras.line", "[\"a\",\"a\"]"); b["maximumcall"] = 2; }, ReconcilerStricter, "list-items");

        // Redial settings.
        yield return V2("redial_interval 60", b => Set(b, "task_extras.redial_interval", "60"), BothAccept);
        yield return V2("redial_interval 61", b => Set(b, "task_extras.redial_interval", "61"), BothRefuse);
        yield return V2("redial_interval negative", b => Set(b, "task_extras.redial_interval", "-1"), ReconcilerStricter, "lower-bounds");
        yield return V2("redial_max_times 4", b => Set(b, "task_extras.redial_max_times", "4"), BothRefuse);
        yield return V2("da_status 1", b => Set(b, "task_extras.redial_conditions", "{\"da_status\":[1]}"), BothRefuse);
        yield return V2("da_status 13", b => Set(b, "task_extras.redial_conditions", "{\"da_status\":[13]}"), BothRefuse);
        yield return V2("da_status 11", b => Set(b, "task_extras.redial_conditions", "{\"da_status\":[11]}"), BothAccept);
        yield return V2("da_status flat 13", b => Set(b, "task_extras.da_status", "[13]"), BothRefuse);
        yield return V2("da_status repeated", b => Set(b, "task_extras.redial_conditions", "{\"da_status\":[2,2]}"), ReconcilerStricter, "list-items");

        // end_action and elasticity.
        yield return V2("end_action with elasticity", b => { b["end_action"] = 1; b["elasticity_type"] = true; }, BothRefuse);
        yield return V2("end_action 0 (无操作) with elasticity", b => { b["end_action"] = 0; b["elasticity_type"] = true; }, BothAccept);
        yield return V2("end_action without elasticity", b => { b["end_action"] = 1; b["elasticity_type"] = false; }, BothAccept);

        // Script groups.
        yield return V2("is_group_switch 5", b => b["is_group_switch"] = 5, BothRefuse);
        yield return V2("is_group_switch 2 without list", b => b["is_group_switch"] = 2, BothRefuse);
        yield return V2("is_group_switch 1 without list (warning)", b => b["is_group_switch"] = 1, BothAccept);
        yield return V2("is_group_switch 3 without list (warning)", b => b["is_group_switch"] = 3, BothAccept);
        yield return V2("variable list with mode 1", b => { b["is_group_switch"] = 1; Set(b, "task_extras.destination_extension_with_variable_list", "[{\"mode\":1,\"values\":[\"男\"],\"destination_extension\":11,\"sort\":1}]"); }, BothAccept);
        yield return V2("variable list 101 entries", b => Set(b, "task_extras.destination_extension_with_variable_list", "[" + string.Join(",", Enumerable.Range(0, 101).Select(i => $"{{\"mode\":0,\"values\":[\"v{i}\"],\"destination_extension\":1}}")) + "]"), BothRefuse);
        yield return V2("variable values 11", b => Set(b, "task_extras.destination_extension_with_variable_list", "[{\"mode\":0,\"values\":[" + string.Join(",", Enumerable.Range(0, 11).Select(i => $"\"v{i}\"")) + "],\"destination_extension\":1}]"), BothRefuse);
        yield return V2("variable values repeated", b => Set(b, "task_extras.destination_extension_with_variable_list", "[{\"mode\":0,\"values\":[\"男\",\"男\"],\"destination_extension\":1}]"), BothRefuse);
        yield return V2("variable mode 2", b => Set(b, "task_extras.destination_extension_with_variable_list", "[{\"mode\":2,\"values\":[\"男\"],\"destination_extension\":1}]"), BothRefuse);
        yield return V2("variable entry without group", b => Set(b, "task_extras.destination_extension_with_variable_list", "[{\"mode\":0,\"values\":[\"男\"]}]"), ReconcilerStricter, "list-items");
        yield return V2("multi config without sort", b => Set(b, "task_extras.destination_extension_multi_config", "{\"dial_mode\":0,\"list\":[{\"destination_extension\":\"13601\"}]}"), BothRefuse);
        yield return V2("multi config dial_mode 2", b => Set(b, "task_extras.destination_extension_multi_config", "{\"dial_mode\":2,\"list\":[{\"destination_extension\":1,\"sort\":1}]}"), BothRefuse);
        yield return V2("multi config", b => Set(b, "task_extras.destination_extension_multi_config", "{\"dial_mode\":1,\"list\":[{\"destination_extension\":\"13601\",\"sort\":1}]}"), BothAccept);

        // Legacy redial rules: re_call_time "时间范围10-11 13-22", read the same on both sides.
        foreach (var (time, verdict) in new[] { ("10:00:00", BothAccept), ("11:00:00", BothAccept), ("11:30:00", BothRefuse), ("13:00:00", BothAccept), ("22:00:00", BothAccept), ("22:30:00", BothRefuse), ("09:59:59", BothRefuse) })
        {
            yield return Legacy($"re_call_time {time}", b => Set(b, "new_call_rules", $"[{{\"re_call_time\":\"{time}\",\"call_interval\":60,\"rule_id\":1}}]"), verdict);
        }

        yield return Legacy("re_call_time without seconds", b => Set(b, "new_call_rules", "[{\"re_call_time\":\"10:30\",\"call_interval\":60}]"), ReconcilerStricter, "time-format");
        yield return Legacy("call_interval text", b => Set(b, "new_call_rules", "[{\"re_call_time\":\"10:30:00\",\"call_interval\":\"x\"}]"), BothRefuse);

        // Rules we add (README "Rules", the rules we add); the simulator follows the document and accepts these.
        yield return V2("unknown field", b => b["maximumcal"] = 2, ReconcilerStricter, "unknown-fields");
        yield return V2("start after stop", b => Set(b, "task_extras.start_time", "\"2028-01-01 00:00:00\""), ReconcilerStricter, "period-order");
        yield return V2("start_time not a date", b => Set(b, "task_extras.start_time", "\"tomorrow\""), ReconcilerStricter, "date-format");
        yield return Legacy("holiday ends before it starts", b => Set(b, "task_extras.holiday", "[{\"begin\":\"2026-11-03 13:25\",\"end\":\"2026-11-01 13:25\"}]"), ReconcilerStricter, "period-order");
        yield return Legacy("holiday without end", b => Set(b, "task_extras.holiday", "[{\"begin\":\"2026-11-03 13:25\"}]"), ReconcilerStricter, "list-items");
        yield return V2("windows overlap", b => Set(b, "task_extras.destination_extension_list", "[{\"begin\":\"09:00\",\"end\":\"12:00\",\"destination_extension\":1},{\"begin\":\"11:00\",\"end\":\"13:00\",\"destination_extension\":2}]"), ReconcilerStricter, "time-windows");
        yield return V2("window across midnight", b => Set(b, "task_extras.destination_extension_list", "[{\"begin\":\"22:00\",\"end\":\"02:00\",\"destination_extension\":1}]"), ReconcilerStricter, "time-windows");
        yield return V2("window 25:00", b => Set(b, "task_extras.destination_extension_list", "[{\"begin\":\"09:00\",\"end\":\"25:00\",\"destination_extension\":1}]"), ReconcilerStricter, "time-windows");
        yield return V2("legacy rules in v2", b => Set(b, "new_call_rules", "[{\"re_call_time\":\"10:00:00\"}]"), ReconcilerStricter, "flavour-fields");
        yield return Legacy("pop_mode in legacy", b => Set(b, "task_extras.pop_mode", "1"), ReconcilerStricter, "flavour-fields");
        yield return V2("negative id", b => b["dial_time_id"] = -5, ReconcilerStricter, "lower-bounds");
        yield return V2("work_hour items of any shape", b => Set(b, "task_extras.work_hour", "[{\"from\":\"09:00\"}]"), BothAccept);
        yield return V2("group_type other", b => b["group_type"] = "other", BothAccept);
        yield return V2("llm_intention_id text", b => b["llm_intention_id"] = "abc", BothRefuse);
        yield return V2("auto_recycle_rule_id", b => b["auto_recycle_rule_id"] = 15486, BothAccept);
    }

    private static AuditCase V2(string id, Action<JsonObject> edit, AuditVerdict expected, string? difference = null) => new(id, ApiFlavour.V2, edit, expected, difference);

    private static AuditCase Legacy(string id, Action<JsonObject> edit, AuditVerdict expected, string? difference = null) => new(id, ApiFlavour.V2Legacy, edit, expected, difference);
}
