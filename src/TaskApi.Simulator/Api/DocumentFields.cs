using TaskApi.Simulator.Api.Shapes;
using static TaskApi.Simulator.Api.Shapes.Presence;

namespace TaskApi.Simulator.Api;

/// <summary>
/// Every field the platform's document shows (docs/api/task-update-api.md: the two 参数说明 tables, the request examples and
/// the commented 请求参数 blocks), with the type and the bounds it gives, for each flavour. A field is checked whenever it is
/// sent, in either flavour: its type is documented somewhere; which flavour a field belongs to is the reconciler's rule, not
/// the document's. Requiredness comes only from 必填 / 是 / "必须传递" / "不传也需要传空数组".
/// </summary>
internal static class DocumentFields
{
    private static readonly IntegerShape Int = new();
    private static readonly TextShape Text = new();
    private static readonly FlagShape Flag = new();

    // da_status: "重呼状态 2=运营商拦截 … 12=用户屏蔽" (the 请求参数 comment adds 11=黑名单).
    private static readonly ListShape DaStatus = new(new IntegerShape(2, 12, RangeWords: "只能包含 2 到 12 的状态值"));

    public static ObjectShape Body(TaskFlavour flavour) => flavour == TaskFlavour.V2 ? V2Body : LegacyBody;

    private static readonly ObjectShape V2Body = Root(TaskFlavour.V2);
    private static readonly ObjectShape LegacyBody = Root(TaskFlavour.V2Legacy);

    private static ObjectShape Root(TaskFlavour flavour)
    {
        // 新版: "line | array | [{"id":"xxx","limit":2}]" (线路配置), entries {id 线路id, limit 最大并发}; 旧版: "["29c39ec4-…"]" (线路id).
        Shape lineEntry = flavour == TaskFlavour.V2
            ? new ObjectShape(new Field("id", new TextShape(NonEmpty: true)), new Field("limit", Int))
            : new TextShape(NonEmpty: true);
        var lines = new ListShape(lineEntry);
        return new ObjectShape(
            new Field("name", Text, Required),
            new Field("remark", Text),
            new Field("sub_user_id", Text),
            new Field("bridge_group_id", Int, FilledWhenSent),
            new Field("destination_extension", Int, Required),
            new Field("dial_time_id", Int, Required),
            new Field("maximumcall", Int, Required),
            new Field("auto_recycle_rule_id", Int),
            new Field("elasticity_type", Flag),
            new Field("end_action", Int),
            new Field("background_id", Int),
            new Field("llm_intention_id", Int),
            new Field("interval_time", Int),                    // the 新版 table lists it at the top level
            new Field("line", lines),                           // the 新版 table lists `line` without the task_extras. prefix
            new Field("group_type", Text),                      // 新版 examples: "group"
            new Field("is_group_switch", IntegerShape.OneOf("只能是 0、1、2、3", 0, 1, 2, 3)), // 0-统一配置 1-按时间配置 2-变量分组配置 3-多项外呼话术组配置
            new Field("group_switch_rule", new ListShape(new ObjectShape(
                new Field("switch_start", Text), new Field("switch_end", Text), new Field("group_id", Int), new Field("default_group_id", Int)))),
            new Field("task_type", Int),                        // 新版 examples: 7
            new Field("score_scheme_id", Int),                  // 新版 examples: 打分方案id 123
            new Field("task_extras", Extras(flavour, lines), Required),
            new Field("new_call_rules", new ListShape(new ObjectShape(
                new Field("re_call_time", new ClockRangesShape()), new Field("call_interval", Int), new Field("rule_id", Int)))));
    }

    private static ObjectShape Extras(TaskFlavour flavour, ListShape lines) => new(
        new Field("start_time", Text, Required),
        new Field("stop_time", Text, Required),
        new Field("pop_mode", IntegerShape.OneOf("只能是 0、1、2", 0, 1, 2), flavour == TaskFlavour.V2 ? Required : Optional), // (新2.0必填)
        new Field("line", lines, Required, "必须传递,没有数据时也需传递空数组 []"),
        // holiday: [{"start"|"begin": "2024-11-01 13:25", "end": "2024-11-03 13:25"}] (the tables say start, the examples begin).
        new Field("holiday", new ListShape(new ObjectShape(new Field("begin", Text), new Field("start", Text), new Field("end", Text))), Required, "必须传递,没有数据时也需传递空数组 []"),
        new Field("interval_time", Int),
        new Field("destination_extension_list", new ListShape(new ObjectShape(
            new Field("begin", Text), new Field("end", Text), new Field("destination_extension", Int)))),
        new Field("destination_extension_with_variable_list", new ListShape(
            new ObjectShape(
                new Field("mode", IntegerShape.OneOf("只能是 0 或 1", 0, 1)),                  // 0-包含任一关键词、1-等于任一关键词
                new Field("values", new ListShape(Text, 10, "关键词最多10个", Distinct: true)), // 关键词,最多10个,且不能有重复
                new Field("destination_extension", Int),
                new Field("sort", Int)),                                                   // 排序,排序越大优先级越低
            100,
            "最多配置100个")),
        new Field("destination_extension_multi_config", new ObjectShape(
            new Field("dial_mode", IntegerShape.OneOf("只能是 0(轮询) 或 1(随机)", 0, 1)),
            new Field("list", new ListShape(new ObjectShape(
                new Field("destination_extension", Int),
                new Field("sort", Int, Required, "排序参数必须传递")))))),
        new Field("work_hour", new ListShape()),                // examples: [] only; entries undocumented
        new Field("work_week", new ListShape()),
        new Field("redial_enabled", Flag),
        new Field("redial_new_number_policy", Flag),
        new Field("redial_interval", new IntegerShape(Max: 60, RangeWords: "重呼间隔最多 60 分钟")),
        new Field("redial_max_times", new IntegerShape(Max: 3, RangeWords: "重呼次数最多 3 次")),
        // Every example sends {"da_status": [...]}; the 请求参数 block's `[ "da_status": [...] ]` is not JSON.
        new Field("redial_conditions", new ObjectShape(new Field("da_status", DaStatus))),
        new Field("da_status", DaStatus));                      // where the 新版 table puts it
}
