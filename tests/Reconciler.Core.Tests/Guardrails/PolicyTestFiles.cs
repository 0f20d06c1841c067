using Reconciler.Core.Guardrails;
using Reconciler.Core.Manifests;
using Reconciler.Core.Validation;

namespace Reconciler.Core.Tests.Guardrails;

/// <summary>The example policy, and a pipeline run over manifests under a policy.</summary>
internal static class PolicyTestFiles
{
    public const string Example = """
        rules:
          - name: collections-max-concurrency
            select: {labels: {team: collections}}
            schema: {properties: {spec: {properties: {maximumcall: {maximum: 60}}}}}
            severity: error
            message: 催收任务并发不得超过60
        limits: {max_changed_tasks: 500, max_changed_accounts: 20}
        owners:
          - select: {labels: {team: collections}}
            approvers: [lead-alice, "@acme/collections-leads"]
        """;

    public const string CollectionsLabel = "\n  labels: {team: collections}";

    public static ManifestFile Policy(string yaml) => ManifestFile.FromText(RepositoryPolicy.FilePath, yaml, "policy-" + yaml.GetHashCode(StringComparison.Ordinal));

    public static DesiredState Desired(string? policy, params (string Path, string Yaml)[] files) =>
        new ManifestPipeline().Evaluate(Snapshot(policy, files));

    public static SourceSnapshot Snapshot(string? policy, params (string Path, string Yaml)[] files) =>
        new(null, files.Select(f => ManifestFile.FromText(f.Path, f.Yaml, "blob-" + f.Path)).ToList(), []) { Policy = policy is null ? null : Policy(policy) };
}
