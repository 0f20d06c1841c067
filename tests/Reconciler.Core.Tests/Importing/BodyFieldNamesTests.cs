using Reconciler.Core.Importing;
using Reconciler.Core.Manifests;

namespace Reconciler.Core.Tests.Importing;

public sealed class BodyFieldNamesTests
{
    [Fact]
    public void Of_V2_HasItsOwnFieldsAndNotTheLegacyOnes()
    {
        var names = BodyFieldNames.Of(ApiFlavour.V2);

        Assert.Superset(new HashSet<string>(["name", "group_type", "is_group_switch", "llm_intention_id", "score_scheme_id", "task_type", "background_id", "group_switch_rule", "task_extras"]), names.TopLevel.ToHashSet());
        Assert.DoesNotContain("new_call_rules", names.TopLevel);
        Assert.Contains("pop_mode", names.TaskExtras);
    }

    [Fact]
    public void Of_Legacy_HasItsOwnFieldsAndNotTheV2Ones()
    {
        var names = BodyFieldNames.Of(ApiFlavour.V2Legacy);

        Assert.Contains("new_call_rules", names.TopLevel);
        Assert.Contains("group_switch_rule", names.TopLevel);
        Assert.DoesNotContain("is_group_switch", names.TopLevel);
        Assert.DoesNotContain("task_type", names.TopLevel);
        Assert.DoesNotContain("pop_mode", names.TaskExtras);
        Assert.Contains("line", names.TaskExtras);
    }
}
