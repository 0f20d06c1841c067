using Reconciler.Core.Diagnostics;

namespace Reconciler.Core.Guardrails;

/// <summary>
/// The repository's own guardrails, read from <c>.reconciler/policy.yaml</c> at the manifest root: rules (a JSON Schema
/// applied to each selected manifest), plan-level limits, and owners whose approval a change to their tasks needs.
/// Stricter than the API, never looser: a policy only adds diagnostics.
/// </summary>
/// <param name="File">Where the policy was read from (for diagnostics about limits, which have no manifest to point at).</param>
public sealed record RepositoryPolicy(
    string File,
    IReadOnlyList<PolicyRule> Rules,
    PolicyLimits Limits,
    IReadOnlyList<PolicyOwner> Owners)
{
    /// <summary>The policy's path, relative to the manifest root.</summary>
    public const string FilePath = ".reconciler/policy.yaml";

    /// <summary>The folder the policy lives in (hidden folders are otherwise never read as manifests).</summary>
    public const string Folder = ".reconciler";

    /// <summary>No policy file: no rules, no limits, no owners.</summary>
    public static RepositoryPolicy None { get; } = new(FilePath, [], PolicyLimits.None, []);

    /// <summary>A stable key for caching: evaluations made under another policy are never reused.</summary>
    public string CacheKey { get; init; } = "";

    public bool IsEmpty => Rules.Count == 0 && Owners.Count == 0 && Limits == PolicyLimits.None;

    /// <summary>Where the limits are written, for a diagnostic when a plan exceeds one.</summary>
    public SourceLocation LimitsLocation { get; init; } = SourceLocation.StartOf(FilePath);
}
