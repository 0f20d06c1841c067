using System.Globalization;
using Reconciler.Core.Diagnostics;
using Reconciler.Core.Manifests;
using Reconciler.Core.Validation;

namespace Reconciler.Core.TaskSets;

/// <summary>
/// A set's name is unique in the repository (it is what <c>--target</c>, the plan and the state call the set). When
/// two sets share a name, neither is planned: each becomes one invalid entry naming the other, and its file keeps
/// every task recorded from it managed, as for any invalid document.
/// </summary>
internal static class TaskSetNames
{
    public static IReadOnlyList<FileEvaluation> Check(IReadOnlyList<FileEvaluation> evaluations)
    {
        var declared = evaluations.SelectMany(e => e.Sets).GroupBy(s => s.Name, StringComparer.Ordinal).Where(g => g.Count() > 1).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        if (declared.Count == 0)
        {
            return evaluations;
        }

        return evaluations.Select(e => e.Sets.Any(s => declared.ContainsKey(s.Name)) ? Refuse(e, declared) : e).ToList();
    }

    private static FileEvaluation Refuse(FileEvaluation evaluation, Dictionary<string, List<TaskSetDeclaration>> declared)
    {
        var invalid = evaluation.Invalid.Where(i => i.Set is null || !declared.ContainsKey(i.Set.Name)).ToList();
        foreach (var set in evaluation.Sets.Where(s => declared.ContainsKey(s.Name)))
        {
            var others = string.Join(", ", declared[set.Name].Where(d => d != set).Select(d => d.Location.ToString()));
            var message = string.Create(CultureInfo.InvariantCulture, $"the set name '{set.Name}' is also used at {others}: a set's name must be unique in the repository, so neither set is planned");
            invalid.Add(new InvalidManifest(set.Location, null, set.Name, [Diagnostic.Error("taskset-duplicate-name", message, set.Location, "/metadata/name")]));
        }

        return evaluation with
        {
            Tasks = evaluation.Tasks.Where(t => t.Set is null || !declared.ContainsKey(t.Set.Name)).ToList(),
            Invalid = invalid,
        };
    }
}
