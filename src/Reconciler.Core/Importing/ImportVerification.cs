using System.Text.Json.Nodes;
using Reconciler.Core.Loading;
using Reconciler.Core.Manifests;
using Reconciler.Core.Normalization;
using Reconciler.Core.Planning;
using Reconciler.Core.Validation;

namespace Reconciler.Core.Importing;

/// <summary>
/// Whether the bytes of an imported file are exactly the one document intended: read as YAML they give one document
/// whose tree is the manifest built from the request and the platform's body, field for field; read through the
/// same pipeline as <c>plan</c> they give that task with that body. Only then may it be tracked. The one intended
/// document that breaks a rule (the platform's values can) is <see cref="ImportVerdictKind.Invalid"/>: kept for the
/// user to fix, never tracked.
/// </summary>
public static class ImportVerification
{
    public static ImportVerdict Check(ReadOnlyMemory<byte> bytes, string file, ImportedTask intended, ManifestPipeline pipeline, ManifestFile? settings = null)
    {
        ArgumentNullException.ThrowIfNull(intended);
        ArgumentNullException.ThrowIfNull(pipeline);
        var content = ManifestFile.FromBytes(file, bytes.ToArray());
        var loaded = new YamlManifestLoader().Load(content);
        if (loaded.HasErrors || loaded.Documents.Count != 1)
        {
            return ImportVerdict.Foreign(loaded.HasErrors
                ? "it is not readable YAML: " + loaded.Diagnostics.First(d => d.IsError).Message
                : $"it holds {loaded.Documents.Count} documents, not the one written");
        }

        var differences = JsonDiff.Compare(Tree(intended), loaded.Documents[0].Node);
        if (differences.Count > 0)
        {
            return ImportVerdict.Foreign("it does not read back as the manifest written (at " + string.Join(", ", differences.Take(5).Select(c => Planner.Display(c.Path))) + ")");
        }

        var evaluated = pipeline.Evaluate(new SourceSnapshot(null, [content], []) { Settings = settings });
        if (evaluated.Tasks.SingleOrDefault() is not { } task)
        {
            return new ImportVerdict(ImportVerdictKind.Invalid, null, null, evaluated.Invalid.SelectMany(i => i.Diagnostics).Where(d => d.IsError).ToList());
        }

        return task.Identity == intended.Identity && task.Body.Equals(BodyNormalizer.Normalize(intended.Spec, intended.SubUserId))
            ? new ImportVerdict(ImportVerdictKind.Exact, task, null, [])
            : ImportVerdict.Foreign("plan reads it as another task or body than the platform's");
    }

    /// <summary>The manifest as a JSON tree: what the file must read as.</summary>
    private static JsonObject Tree(ImportedTask task)
    {
        var metadata = new JsonObject { ["user_id"] = task.Identity.UserId, ["task_id"] = task.Identity.TaskId };
        if (task.SubUserId is { } subUser)
        {
            metadata["sub_user_id"] = subUser;
        }

        return new JsonObject
        {
            ["apiVersion"] = task.Flavour.ToApiVersion(),
            ["kind"] = "Task",
            ["metadata"] = metadata,
            ["spec"] = task.Spec.DeepClone(),
        };
    }
}
