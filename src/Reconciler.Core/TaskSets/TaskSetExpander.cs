using System.Text.Json;
using System.Text.Json.Nodes;
using Reconciler.Core.Diagnostics;
using Reconciler.Core.Loading;
using Reconciler.Core.Manifests;
using Reconciler.Core.Sources;
using Reconciler.Core.Validation;

namespace Reconciler.Core.TaskSets;

/// <summary>
/// The expansion stage: one <c>kind: TaskSet</c> document → one task per item. The set itself (its envelope, its
/// template as a partial body, its CSV header) is checked once; a problem there makes the whole set one invalid
/// entry, reported once, and no item is planned (the set's file then keeps every task recorded from it managed).
/// Otherwise each item is merged over the template (<see cref="SpecMerge"/>) and evaluated like any manifest, on
/// many threads, with its diagnostics located at the item (<see cref="ItemLocator"/>).
/// </summary>
internal sealed class TaskSetExpander(TaskSetSchema? schema = null, TaskSetLimits? limits = null)
{
    private readonly TaskSetSchema _schema = schema ?? TaskSetSchema.Default;
    private readonly TaskSetLimits _limits = limits ?? TaskSetLimits.Default;

    public TaskSetExpansion Expand(ManifestEvaluator evaluator, LoadedDocument document, string file, RepositorySettings settings, DataFiles data)
    {
        var set = new TaskSetDocument(document, file);
        var origin = set.Name is { } name ? new TaskSetOrigin(name, file) : null;
        var declaration = set.Name is { } declared ? new TaskSetDeclaration(declared, set.Location) : null;
        var allowed = settings.AllowedFor(TaskSetDocument.Child(document.Element, "metadata"));
        var (problems, itemShape) = CheckSet(set, allowed);
        problems.AddRange(TemplateCheck.Integers(set));

        var items = new List<SetItem>();
        if (set.Items is { ValueKind: JsonValueKind.Array } inline)
        {
            var index = 0;
            foreach (var element in inline.EnumerateArray())
            {
                items.Add(new SetItem(element, set.Locate(JsonPointers.Append("/spec/items", index)), new InlineItemPositions(set, index), itemShape.GetValueOrDefault(index) ?? []));
                index++;
            }
        }

        var dependencies = new List<DataDependency>();
        if (items.Count > _limits.MaxItems)
        {
            problems.Add(Diagnostic.Error("taskset-too-many-items", $"the set has {items.Count:N0} items; the limit is {_limits.MaxItems:N0}: split it into several sets", set.Locate("/spec/items")));
        }
        else if (set.ItemsFrom is { } itemsFrom && set.Flavour is { } flavour)
        {
            var read = ReadCsv(set, itemsFrom, new CsvSchemaContext(_schema.Roots, flavour, allowed.Contains), data, _limits.MaxItems - items.Count, dependencies);
            problems.AddRange(read.Problems);
            items.AddRange(read.Items);
        }

        if (problems.Any(p => p.IsError))
        {
            var invalid = new InvalidManifest(set.Location, null, set.Name, DiagnosticOrder.Sort(problems)) { Set = origin };
            return new TaskSetExpansion([], [invalid], dependencies, declaration);
        }

        var results = new ItemResult[items.Count];
        Parallel.For(0, items.Count, i => results[i] = EvaluateItem(evaluator, set, origin!, items[i], settings));
        return Collect(results, dependencies, declaration);
    }

    /// <summary>The set document against <c>taskset.schema.json</c>: set-level problems, and each inline item's own shape problems.</summary>
    private (List<Diagnostic> Problems, Dictionary<int, List<Diagnostic>> ItemShape) CheckSet(TaskSetDocument set, IReadOnlySet<string> allowed)
    {
        var problems = new List<Diagnostic>();
        var itemShape = new Dictionary<int, List<Diagnostic>>();
        foreach (var error in _schema.Evaluate(set.Loaded))
        {
            var at = error.Keyword is "required" or "additionalProperties" ? set.LocateKey(error.InstancePointer) : set.Locate(error.InstancePointer);
            var diagnostic = Diagnostic.Error("schema", error.Message, at, error.InstancePointer);
            if (ItemOf(error) is { } item)
            {
                if (item.Own)
                {
                    (itemShape.TryGetValue(item.Index, out var list) ? list : itemShape[item.Index] = []).Add(diagnostic);
                }

                continue; // anything inside an item is reported by the item's own evaluation, at the item
            }

            if (error.Keyword == "additionalProperties" && error.InstancePointer.StartsWith("/spec/template/", StringComparison.Ordinal)
                && allowed.Contains("/spec" + Template(set, error.InstancePointer)["/spec/template".Length..]))
            {
                continue; // an extra field the repository allows
            }

            problems.Add(diagnostic);
        }

        return (problems, itemShape);
    }

    /// <summary>For an error inside <c>/spec/items/N</c>: N, and whether it is about the item itself (its keys) rather than a value in it.</summary>
    private static (int Index, bool Own)? ItemOf(SchemaError error)
    {
        const string Prefix = "/spec/items/";
        if (!error.InstancePointer.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var rest = error.InstancePointer.AsSpan(Prefix.Length);
        var end = rest.IndexOf('/');
        if (PointerSegments.Index(end < 0 ? rest : rest[..end]) is not { } index)
        {
            return null;
        }

        var below = end < 0 ? "" : rest[(end + 1)..].ToString();
        return (index, below.Length == 0 || (error.Keyword == "additionalProperties" && !below.Contains('/', StringComparison.Ordinal)));
    }

    private static string Template(TaskSetDocument set, string pointer) => new ManifestDocument(set.Loaded).Template(pointer);

    private CsvRead ReadCsv(TaskSetDocument set, string itemsFrom, CsvSchemaContext context, DataFiles data, int budget, List<DataDependency> dependencies)
    {
        var at = set.Locate("/spec/itemsFrom");
        if (DataFiles.Resolve(set.File, itemsFrom) is not { } path)
        {
            return new CsvRead([Diagnostic.Error("taskset-items-from", $"itemsFrom '{itemsFrom}' leads outside the manifest directory; the CSV must be inside it (relative to this file)", at, "/spec/itemsFrom")], []);
        }

        if (data.Find(path) is not { } csv)
        {
            dependencies.Add(new DataDependency(path, null));
            return new CsvRead([Diagnostic.Error("taskset-items-from", $"itemsFrom '{itemsFrom}': there is no file '{path}' in the manifest directory (only regular .csv files inside it are read: never a symbolic link leading outside, nor a hidden directory)", at, "/spec/itemsFrom")], []);
        }

        dependencies.Add(new DataDependency(path, csv.ContentId));
        return CsvItemReader.Read(csv, context, _limits, budget);
    }

    private static ItemResult EvaluateItem(ManifestEvaluator evaluator, TaskSetDocument set, TaskSetOrigin origin, SetItem item, RepositorySettings settings)
    {
        var locator = new ItemLocator(set, item);
        if (item.Problems.Count > 0)
        {
            var userId = TaskSetDocument.Text(item.Json, "user_id") ?? TaskSetDocument.Text(set.Metadata, "user_id");
            var identity = userId is not null && item.TaskId is { } taskId ? new TaskIdentity(userId, taskId) : null;
            return new ItemResult(null, new InvalidManifest(item.Start, identity, null, DiagnosticOrder.Sort(item.Problems)) { Set = origin, IdentityLocation = item.Positions.Locate("/task_id") }, new HashSet<Diagnostic>());
        }

        var merged = new LoadedDocument(0, item.Start, MergedManifest.Write(set, item.Json), new SourceMap(item.Start.File, locator));
        var (task, invalid) = evaluator.EvaluateExpanded(new ManifestDocument(merged), settings, origin);
        var inherited = new HashSet<Diagnostic>();
        return task is not null
            ? new ItemResult(task with { Set = origin, Warnings = Noted(task.Warnings, locator, inherited) }, null, inherited)
            : new ItemResult(null, invalid! with { Set = origin, Diagnostics = Noted(invalid.Diagnostics, locator, inherited) }, inherited);
    }

    /// <summary>Says where in the set a value came from, when the item did not write it itself; such diagnostics are collected in <paramref name="inherited"/>.</summary>
    private static IReadOnlyList<Diagnostic> Noted(IReadOnlyList<Diagnostic> diagnostics, ItemLocator locator, HashSet<Diagnostic> inherited)
    {
        if (diagnostics.Count == 0)
        {
            return diagnostics;
        }

        var noted = new List<Diagnostic>(diagnostics.Count);
        foreach (var diagnostic in diagnostics)
        {
            if (!string.IsNullOrEmpty(diagnostic.JsonPath) && locator.Inherited(diagnostic.JsonPath) is var (what, where))
            {
                var note = diagnostic with { Message = $"{diagnostic.Message} (see {what} at {where})" };
                inherited.Add(note);
                noted.Add(note);
            }
            else
            {
                noted.Add(diagnostic);
            }
        }

        return noted;
    }

    /// <summary>
    /// The items' results in item order. A warning about a value the items inherited reads the same for every item:
    /// it is kept on the first item only, so a template warning is shown once.
    /// </summary>
    private static TaskSetExpansion Collect(ItemResult[] results, List<DataDependency> dependencies, TaskSetDeclaration? declaration)
    {
        var tasks = new List<TaskManifest>(results.Length);
        var invalid = new List<InvalidManifest>();
        var shown = new HashSet<(string, string, string?)>();
        foreach (var (task, problem, inherited) in results)
        {
            if (task is not null)
            {
                var warnings = task.Warnings.Where(w => !inherited.Contains(w) || shown.Add((w.Code, w.Message, w.JsonPath))).ToList();
                tasks.Add(warnings.Count == task.Warnings.Count ? task : task with { Warnings = warnings });
            }
            else
            {
                invalid.Add(problem!);
            }
        }

        return new TaskSetExpansion(tasks, invalid, dependencies, declaration);
    }

    /// <param name="Inherited">Its diagnostics about values inherited from the set.</param>
    private sealed record ItemResult(TaskManifest? Task, InvalidManifest? Invalid, IReadOnlySet<Diagnostic> Inherited);
}
