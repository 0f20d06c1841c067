using System.Text.Json.Nodes;
using Reconciler.Core.Diagnostics;
using Reconciler.Core.Loading;
using Reconciler.Core.Manifests;
using Reconciler.Core.Normalization;

namespace Reconciler.Core.Validation;

/// <summary>
/// Loads, validates and normalizes one file: YAML → JSON with positions → schema → rules → canonical
/// body. Every problem of every document is collected; nothing is thrown for bad input.
/// </summary>
public sealed class ManifestEvaluator(SchemaCatalog? schemas = null, YamlManifestLoader? loader = null, IReadOnlyList<IManifestRule>? rules = null)
{
    private readonly SchemaCatalog _schemas = schemas ?? SchemaCatalog.Default;
    private readonly YamlManifestLoader _loader = loader ?? new YamlManifestLoader();
    private readonly IReadOnlyList<IManifestRule> _rules = rules ?? ManifestRules.All;
    private readonly TaskSets.TaskSetExpander _sets = new();

    // Main accounts repeat on every task they own: one string each, not one per parsed manifest.
    private readonly Text.StringPool _accounts = new();

    /// <param name="settings">The repository's settings (<c>.reconciler.yaml</c>): extra body fields to accept.</param>
    /// <param name="data">The snapshot's CSV files, where a TaskSet's <c>itemsFrom</c> is found.</param>
    public FileEvaluation Evaluate(ManifestFile file, RepositorySettings? settings = null, Sources.DataFiles? data = null)
    {
        try
        {
            return EvaluateFile(file, settings, data);
        }
#pragma warning disable CA1031 // Any failure on one file (a library's exception on a value we did not foresee) is that file's diagnostic; the other files are still planned.
        catch (Exception e) when (e is not OperationCanceledException)
#pragma warning restore CA1031
        {
            var at = SourceLocation.StartOf(file.Path);
            var problem = Diagnostic.Error("file-check-failed", $"not planned: checking this file failed ({e.GetType().Name}: {e.Message}); a file is planned whole or not at all", at, "");
            // Never reused from the cache: a set's CSV, or anything else the failure came from, may be fixed without the file changing.
            return new FileEvaluation(file.Path, [], [new InvalidManifest(at, null, null, [problem])]) { Dependencies = [TaskSets.DataDependency.Unknown] };
        }
    }

    private FileEvaluation EvaluateFile(ManifestFile file, RepositorySettings? settings, Sources.DataFiles? data)
    {
        settings ??= RepositorySettings.None;
        var loaded = _loader.Load(file);
        var tasks = new List<TaskManifest>();
        var invalid = new List<InvalidManifest>();
        var sets = new List<TaskSets.TaskSetDeclaration>();
        var dependencies = new List<TaskSets.DataDependency>();
        foreach (var document in loaded.Documents)
        {
            if (TaskSets.TaskSetDocument.IsTaskSet(document))
            {
                // The expansion stage: one task per item of the set (see TaskSets/).
                var expansion = _sets.Expand(this, document, file.Path, settings, data ?? Sources.DataFiles.None);
                tasks.AddRange(expansion.Tasks);
                invalid.AddRange(expansion.Invalid);
                dependencies.AddRange(expansion.Dependencies);
                sets.AddRange(expansion.Declaration is { } declared ? [declared] : []);
                continue;
            }

            var result = EvaluateDocument(new ManifestDocument(document), settings, file.Path, null);
            if (result.Task is not null)
            {
                tasks.Add(result.Task);
            }
            else
            {
                invalid.Add(result.Invalid!);
            }
        }

        if (!loaded.HasErrors && loaded.Documents.Count == 0)
        {
            // Nothing to plan, and nothing to say which task it held: an emptied or truncated manifest must not pass
            // unnoticed (and, being invalid, it holds back every unmanage of the plan).
            var start = SourceLocation.StartOf(file.Path);
            var empty = Diagnostic.Error("file-empty", "no task manifest in this file: it is empty or holds only comments; write a manifest or remove the file", start, "");
            return new FileEvaluation(file.Path, [], [new InvalidManifest(start, null, null, [empty])]);
        }

        if (!loaded.HasErrors)
        {
            // Held by the evaluation cache for every file of the fleet: exact arrays (none when empty), not growable lists.
            return new FileEvaluation(file.Path, Exact(tasks), Exact(invalid)) { Sets = Exact(sets), Dependencies = Exact(dependencies) };
        }

        // A file is planned whole or not at all: the documents read before the error still claim their
        // tasks (so none is unmanaged or claimed twice unnoticed), but none of them is sent.
        var first = loaded.Diagnostics.First(d => d.IsError);
        var at = first.Location ?? SourceLocation.StartOf(file.Path);
        var held = Diagnostic.Error("file-incomplete", $"not planned: this file has an error at {at} ({first.Message}); a file is planned whole or not at all", null, "");
        invalid.AddRange(tasks.Select(t => new InvalidManifest(t.Location, t.Identity, t.Name, DiagnosticOrder.Sort([.. t.Warnings, held with { Location = t.Location }]))
        {
            IdentityLocation = t.IdentityLocation,
            Set = t.Set,
        }));
        invalid.Add(new InvalidManifest(at, null, null, DiagnosticOrder.Sort(loaded.Diagnostics)));
        return new FileEvaluation(file.Path, [], invalid) { Sets = sets, Dependencies = dependencies };
    }

    /// <summary>Evaluates a document the expansion stage built (a set's item merged over its template) like any manifest.</summary>
    internal (TaskManifest? Task, InvalidManifest? Invalid) EvaluateExpanded(ManifestDocument document, RepositorySettings settings, TaskSetOrigin origin) =>
        EvaluateDocument(document, settings, origin.File, origin);

    /// <param name="file">The manifest file (the set's file for an item), which a policy's <c>paths</c> select by.</param>
    private (TaskManifest? Task, InvalidManifest? Invalid) EvaluateDocument(ManifestDocument document, RepositorySettings settings, string file, TaskSetOrigin? origin)
    {
        var diagnostics = new List<Diagnostic>();
        var allowed = settings.AllowedFor(document.MetadataElement);
        foreach (var error in _schemas.EvaluateManifest(document.Loaded))
        {
            var unknownInBody = error.Keyword == "additionalProperties" && error.InstancePointer.StartsWith("/spec/", StringComparison.Ordinal);
            if (unknownInBody && allowed.Contains(document.Template(error.InstancePointer)))
            {
                continue; // an extra field the repository (or this manifest) allows: sent as written
            }

            var at = error.Keyword is "required" or "additionalProperties" or "unevaluatedProperties"
                ? document.LocateKey(error.InstancePointer)
                : document.Locate(error.InstancePointer);
            var message = unknownInBody && !error.Message.Contains("did you mean", StringComparison.Ordinal)
                ? $"{error.Message}: the API document does not describe it; if the platform accepts it, allow it with {RepositorySettings.AllowExtraFieldsKey} in {RepositorySettings.FileName}"
                : error.Message;
            diagnostics.Add(Diagnostic.Error("schema", message, at, error.InstancePointer));
        }

        foreach (var rule in _rules)
        {
            diagnostics.AddRange(rule.Check(document));
        }

        // The repository's own rules (.reconciler/policy.yaml), stricter than the API's: an error one makes the manifest invalid.
        var subject = settings.Policy.IsEmpty ? null : Guardrails.PolicySubjects.Of(document, file, origin?.Name);
        if (subject is not null)
        {
            diagnostics.AddRange(Guardrails.PolicyRules.Check(settings.Policy, document, subject));
        }

        // One clear error per value: where an integer is written wrongly (4.0, 1e400, "x"), the schema's own
        // complaints about the same value (type, bounds, enum) only repeat it less precisely.
        var integerProblems = diagnostics.Where(d => d.Code.StartsWith("integer-", StringComparison.Ordinal)).Select(d => d.JsonPath).ToHashSet(StringComparer.Ordinal);
        if (integerProblems.Count > 0)
        {
            diagnostics.RemoveAll(d => d.Code == "schema" && integerProblems.Contains(d.JsonPath));
        }

        var sorted = DiagnosticOrder.Sort(diagnostics);
        var location = document.Loaded.Location;
        if (sorted.Any(d => d.IsError) || document.SpecElement is not { } spec || document.Identity is not { } identity || document.Flavour is not { } flavour)
        {
            if (!sorted.Any(d => d.IsError))
            {
                // Only reachable if the schema is weaker than the code expects; never let it pass silently.
                sorted = [.. sorted, Diagnostic.Error("manifest", "not a task manifest: apiVersion, kind, metadata.user_id, metadata.task_id and spec are required", location, "")];
            }

            return (null, new InvalidManifest(location, document.Identity, document.Name, sorted) { IdentityLocation = IdentityLocation(document) });
        }

        var subUserId = ManifestDocument.Text(ManifestDocument.Child(document.MetadataElement, "sub_user_id")) is { } sub ? _accounts.Share(sub) : null;
        var body = BodyNormalizer.Normalize(spec, subUserId);
        var task = new TaskManifest(
            new TaskIdentity(_accounts.Share(identity.UserId), identity.TaskId),
            flavour,
            document.Name ?? "",
            body,
            ManifestDocument.Flag(ManifestDocument.Child(document.MetadataElement, "suspend")),
            ManifestDocument.Flag(ManifestDocument.Child(document.MetadataElement, "stop_before_update")),
            location,
            sorted)
        {
            SubUserId = subUserId,
            IdentityLocation = IdentityLocation(document),
            Labels = subject is { Labels.Count: > 0 } ? subject.Labels : null,
        };
        return (task, null);
    }

    private static T[] Exact<T>(List<T> items) => items.Count == 0 ? [] : [.. items];

    private static SourceLocation IdentityLocation(ManifestDocument document) => document.Locate("/metadata/task_id");
}
