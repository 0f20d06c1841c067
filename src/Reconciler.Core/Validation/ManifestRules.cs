using Reconciler.Core.Validation.Rules;

namespace Reconciler.Core.Validation;

/// <summary>Every rule the schema cannot say (the document's, and the few we add: see README "Rules"), in one list.</summary>
public static class ManifestRules
{
    public static readonly IReadOnlyList<IManifestRule> All =
    [
        new IntegerRule(),
        new SubUserRule(),
        new MaximumCallRule(),
        new GroupSwitchRule(),
        new TimeWindowRule(),
        new TaskPeriodRule(),
        new EndActionRule(),
        new RecallTimeRule(),
    ];

    /// <summary>
    /// Every rule, plus a warning wherever a value holds one of <paramref name="secrets"/> (configured tokens the caller
    /// hands in; the core reads no configuration).
    /// </summary>
    public static IReadOnlyList<IManifestRule> WithSecretCheck(Secrets.SecretRedactor secrets) =>
        secrets.IsEmpty ? All : [.. All, new SecretValueRule(secrets)];
}
