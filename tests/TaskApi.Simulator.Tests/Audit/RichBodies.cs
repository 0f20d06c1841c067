namespace TaskApi.Simulator.Tests.Audit;

/// <summary>
/// One valid body per flavour carrying every field the document shows for that flavour (the tables, the request examples
/// and the commented 请求参数 blocks), so that each field can be mutated one at a time. Values are the document's examples.
/// </summary>
internal static class RichBodies
{
    public const string V2 = """
        {"name":"审计任务","remark":"第一个任务","group_type":"group","destination_extension":123,"is_group_switch":2,
         "group_switch_rule":[{"switch_start":"09:00","switch_end":"12:00","group_id":13037,"default_group_id":123}],
         "maximumcall":2,"dial_time_id":123,"background_id":123,"task_type":7,"llm_intention_id":123,"score_scheme_id":123,
         "bridge_group_id":1,"auto_recycle_rule_id":1,"elasticity_type":false,"end_action":1,"interval_time":0,
         "task_extras":{"start_time":"2026-12-23 19:00:00","stop_time":"2027-12-25 23:59:59",
           "line":[{"id":"d47c3599-f166-4cd0-999c-f60e46814d26","limit":2}],
           "holiday":[{"begin":"2026-12-24 13:25","end":"2026-12-26 13:25"}],
           "interval_time":0,
           "destination_extension_list":[{"begin":"09:00","end":"12:00","destination_extension":123}],
           "destination_extension_with_variable_list":[{"mode":1,"values":["男","男的"],"destination_extension":11,"sort":1}],
           "destination_extension_multi_config":{"dial_mode":0,"list":[{"destination_extension":"13601","sort":1}]},
           "work_hour":[],"work_week":[],"pop_mode":1,"redial_enabled":0,"redial_new_number_policy":0,
           "redial_interval":3,"redial_max_times":3,"redial_conditions":{"da_status":[2,3,4]},"da_status":[2,3]}}
        """;

    public const string Legacy = """
        {"name":"审计任务","remark":"第一个任务","destination_extension":102,"maximumcall":2,"dial_time_id":5,"background_id":52,
         "llm_intention_id":1,"bridge_group_id":1,"auto_recycle_rule_id":1,"elasticity_type":false,"end_action":1,
         "task_extras":{"start_time":"2026-11-01 13:25:26","stop_time":"2027-11-01 13:25:26",
           "line":["29c39ec4-b292-4af9-a88b-922d61866sub","d47c3599-f166-4cd0-999c-f60e46814d26"],
           "holiday":[{"begin":"2026-11-01 13:25","end":"2026-11-03 13:25"}],"interval_time":0},
         "group_switch_rule":[{"switch_start":"09:00","switch_end":"12:00","group_id":13037,"default_group_id":123}],
         "new_call_rules":[{"re_call_time":"10:00:00","call_interval":60,"rule_id":15486}]}
        """;
}
