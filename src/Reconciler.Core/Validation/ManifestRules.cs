using Reconciler.Core.Validation.Rules;

namespace Reconciler.Core.Validation;

/// <summary>Every rule of the API document that the schema cannot say, in one list.</summary>
public static class ManifestRules
{
    public static readonly IReadOnlyList<IManifestRule> All =
    [
        new SubUserRule(),
        new MaximumCallRule(),
        new GroupSwitchRule(),
        new TimeWindowRule(),
        new TaskPeriodRule(),
        new EndActionRule(),
        new RecallTimeRule(),
    ];
}
