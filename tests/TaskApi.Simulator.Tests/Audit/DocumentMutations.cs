using Reconciler.Core.Manifests;
using static TaskApi.Simulator.Tests.Audit.Outcome;

namespace TaskApi.Simulator.Tests.Audit;

/// <summary>
/// Every field the API document shows, mutated one at a time on the rich body of each flavour that carries it. The
/// catalogue is written from the document (docs/api/task-update-api.md), not from either side's code.
/// </summary>
internal static class DocumentMutations
{
    private const string ListItems = "list-items";

    public static IEnumerable<AuditCase> All() =>
        Shared(new FieldMutations(ApiFlavour.V2, RichBodies.V2))
            .Concat(Shared(new FieldMutations(ApiFlavour.V2Legacy, RichBodies.Legacy)))
            .Concat(V2Only(new FieldMutations(ApiFlavour.V2, RichBodies.V2)))
            .Concat(LegacyOnly(new FieldMutations(ApiFlavour.V2Legacy, RichBodies.Legacy)))
            .Concat(OtherFlavour())
            .DistinctBy(c => c.Id); // a list's entry mutations and its entry field's overlap (line.0 = null)

    /// <summary>Both parameter tables, and group_switch_rule (the 旧版 请求参数 block and the 新版 cURL example).</summary>
    private static IEnumerable<AuditCase> Shared(FieldMutations m)
    {
        IEnumerable<AuditCase>[] groups =
        [
            m.Text("name", Refuse, Refuse),
            m.Text("remark", Accept, Accept),
            m.Id("destination_extension", Refuse),
            m.Id("dial_time_id", Refuse),
            m.Count("maximumcall", Refuse, 2, minimum: 1),
            m.Id("bridge_group_id", Accept),
            m.Id("auto_recycle_rule_id", Accept),
            m.Id("background_id", Accept),
            m.Id("llm_intention_id", Accept),
            m.Flag("elasticity_type", whenOn: Refuse), // "此动作不能与动态坐席同时开启": the rich bodies send end_action
            m.Count("end_action", Accept, 1, minimum: null),
            m.Object("task_extras", Refuse),
            m.DateTime("task_extras.start_time", Refuse, "2026/12/1 13:25"),
            m.DateTime("task_extras.stop_time", Refuse, "2028/1/1 13:25"),
            m.List("task_extras.line", Accept, Accept),                 // the reconciler sends [] when it is left out
            m.List("task_extras.holiday", Accept, Accept),
            m.DateTime("task_extras.holiday.0.begin", Ours(ListItems), "2026/11/1 13:25"),
            m.DateTime("task_extras.holiday.0.end", Ours(ListItems), "2028/11/3 13:25"),
            m.Count("task_extras.interval_time", Accept, 0),
            m.List("group_switch_rule", Accept, Accept),
            m.Clock("group_switch_rule.0.switch_start", Ours(ListItems)),
            m.Clock("group_switch_rule.0.switch_end", Ours(ListItems)),
            m.Id("group_switch_rule.0.group_id", Ours(ListItems)),
            m.Id("group_switch_rule.0.default_group_id", Accept),
            [
                m.Case("task_extras.holiday.0", """{"start":"2026-11-01 13:25","end":"2026-11-03 13:25"}""", Accept, "start instead of begin"),
                m.Case("task_extras.holiday.0", """{"begin":"2026-11-01 13:25","start":"2026-11-01 13:25","end":"2026-11-03 13:25"}""", Ours(ListItems), "both begin and start"),
            ],
        ];
        return groups.SelectMany(g => g);
    }

    /// <summary>The 新版 table, examples and 请求参数 block.</summary>
    private static IEnumerable<AuditCase> V2Only(FieldMutations m)
    {
        const string variableList = "task_extras.destination_extension_with_variable_list";
        const string multi = "task_extras.destination_extension_multi_config";
        IEnumerable<AuditCase>[] groups =
        [
            m.Text("group_type", Accept, Ours("lower-bounds")),
            m.OneOf("is_group_switch", Accept, 0, 1, 2, 3),
            m.Count("task_type", Accept, 7, minimum: null),
            m.Id("score_scheme_id", Accept),
            m.Count("interval_time", Accept, 0),
            m.OneOf("task_extras.pop_mode", Refuse, 0, 1, 2),
            m.Text("task_extras.line.0.id", Ours(ListItems), Refuse),
            m.Count("task_extras.line.0.limit", Ours(ListItems), 2, minimum: 1),
            m.List("task_extras.destination_extension_list", Accept, Accept),
            m.Clock("task_extras.destination_extension_list.0.begin", Ours(ListItems)),
            m.Clock("task_extras.destination_extension_list.0.end", Ours(ListItems)),
            m.Id("task_extras.destination_extension_list.0.destination_extension", Ours(ListItems)),
            m.List(variableList, Refuse, Refuse),                    // "is_switch_group为2(按号码变量配置)时必填": is_group_switch is 2
            m.OneOf(variableList + ".0.mode", Ours(ListItems), 0, 1),
            m.List(variableList + ".0.values", Ours(ListItems), Ours("lower-bounds")),
            m.Id(variableList + ".0.destination_extension", Ours(ListItems)),
            m.Count(variableList + ".0.sort", Accept, 1),
            m.Object(multi, Accept),
            m.OneOf(multi + ".dial_mode", Accept, 0, 1),
            m.List(multi + ".list", Ours(ListItems), Ours("lower-bounds")),
            m.Id(multi + ".list.0.destination_extension", Ours(ListItems)),
            m.Count(multi + ".list.0.sort", Refuse, 1),               // "排序参数必须传递"
            m.AnyList("task_extras.work_hour"),
            m.AnyList("task_extras.work_week"),
            m.Flag("task_extras.redial_enabled", whenOn: Accept),
            m.Flag("task_extras.redial_new_number_policy", whenOn: Accept),
            m.AtMost("task_extras.redial_interval", 60),
            m.AtMost("task_extras.redial_max_times", 3),
            m.Object("task_extras.redial_conditions", Accept),
            m.List("task_extras.redial_conditions.da_status", Accept, Accept, badEntry: "\"x\""),
            m.List("task_extras.da_status", Accept, Accept, badEntry: "\"x\""),
            [
                m.Case(variableList, "[" + string.Join(",", Enumerable.Repeat("""{"mode":0,"values":["v"],"destination_extension":1}""", 100)) + "]", Accept, "100 entries"),
                m.Case(variableList, "[" + string.Join(",", Enumerable.Repeat("""{"mode":0,"values":["v"],"destination_extension":1}""", 101)) + "]", Refuse, "101 entries"),
                m.Case(variableList + ".0.values", "[" + string.Join(",", Enumerable.Range(0, 10).Select(i => $"\"v{i}\"")) + "]", Accept, "10 keywords"),
                m.Case(variableList + ".0.values", "[" + string.Join(",", Enumerable.Range(0, 11).Select(i => $"\"v{i}\"")) + "]", Refuse, "11 keywords"),
                m.Case(variableList + ".0.values", "[\"男\",\"男\"]", Refuse),
                m.Case(variableList + ".0.values.0", "\"\"", Ours("lower-bounds")),
                m.Case("task_extras.redial_conditions", "[{\"da_status\":[2]}]", Refuse, "a list (the 请求参数 block's form)"),
                m.Case("task_extras.redial_conditions.da_status.0", "\"2\"", Ours("digit-strings")),
                m.Case("task_extras.da_status.0", "\"2\"", Ours("digit-strings")),
                .. DaStatus(m, "task_extras.redial_conditions.da_status"),
                .. DaStatus(m, "task_extras.da_status"),
            ],
        ];
        return groups.SelectMany(g => g);
    }

    private static IEnumerable<AuditCase> DaStatus(FieldMutations m, string path) =>
    [
        m.Case(path, "[2,3,4,5,6,7,8,9,10,11,12]", Accept, "every code 2-12"),
        m.Case(path, "[1]", Refuse),
        m.Case(path, "[13]", Refuse),
        m.Case(path, "[2,2]", Ours(ListItems)),
    ];

    /// <summary>The 旧版 table and 请求参数 block.</summary>
    private static IEnumerable<AuditCase> LegacyOnly(FieldMutations m)
    {
        IEnumerable<AuditCase>[] groups =
        [
            m.Text("task_extras.line.0", Accept, Refuse),
            m.List("new_call_rules", Accept, Accept),
            m.Count("new_call_rules.0.call_interval", Accept, 60),
            m.Id("new_call_rules.0.rule_id", Accept),
            [m.Removed("new_call_rules.0.re_call_time", Ours(ListItems))],
            [
                m.Case("task_extras.line.1", "\"29c39ec4-b292-4af9-a88b-922d61866sub\"", Ours(ListItems), "a repeated line id"),
                m.Case("task_extras.line.0", """{"id":"d47c3599-f166-4cd0-999c-f60e46814d26","limit":1}""", Refuse, "a 新版 line object"),
                .. new[] { ("10:00:00", Accept), ("11:00:00", Accept), ("13:00:00", Accept), ("22:00:00", Accept), ("09:59:59", Refuse), ("11:30:00", Refuse), ("22:30:00", Refuse), ("10:30", Ours("time-format")) }
                    .Select(t => m.Case("new_call_rules.0.re_call_time", $"\"{t.Item1}\"", t.Item2)),
                m.Case("new_call_rules.0.re_call_time", "1030", Refuse),
            ],
        ];
        return groups.SelectMany(g => g);
    }

    /// <summary>A field of one flavour sent in the other: the simulator checks its documented type; the reconciler refuses it.</summary>
    private static IEnumerable<AuditCase> OtherFlavour()
    {
        var legacy = new FieldMutations(ApiFlavour.V2Legacy, RichBodies.Legacy);
        var v2 = new FieldMutations(ApiFlavour.V2, RichBodies.V2);
        var flavourFields = Ours("flavour-fields");
        foreach (var (path, json) in new[]
        {
            ("group_type", "\"group\""), ("is_group_switch", "0"), ("task_type", "7"), ("score_scheme_id", "123"), ("interval_time", "0"),
            ("task_extras.pop_mode", "1"), ("task_extras.destination_extension_list", "[]"), ("task_extras.work_hour", "[]"),
            ("task_extras.redial_interval", "3"), ("task_extras.redial_conditions", "{\"da_status\":[2]}"), ("task_extras.da_status", "[2]"),
        })
        {
            yield return legacy.Case(path, json, flavourFields);
        }

        yield return legacy.Case("task_extras.pop_mode", "5", Refuse, "5 (a documented type checked in either flavour)");
        yield return v2.Case("new_call_rules", "[{\"re_call_time\":\"10:00:00\"}]", flavourFields);
        yield return v2.Case("new_call_rules", "[{\"re_call_time\":\"23:00:00\"}]", Refuse, "[23:00:00] (a documented range checked in either flavour)");
    }
}
