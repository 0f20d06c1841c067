using Reconciler.Core.Manifests;
using Reconciler.Core.Sources;
using Reconciler.Core.State;
using Reconciler.Core.Text;
using Reconciler.Files;

namespace Reconciler.Cli.Commands.State;

/// <summary>
/// TASK as the state commands take it, the way <c>--target</c> takes one: a task id, <c>USER_ID/TASK_ID</c>, a manifest
/// file (read for the identities it declares, or matched against the file each record came from), or a task name (the
/// <c>name</c> of the last-applied body). More than one match is an error listing the candidates, never a guess.
/// </summary>
internal sealed class TaskLookup(IReadOnlyDictionary<TaskIdentity, AppliedRecord> applied, IEnumerable<TaskIdentity> others)
{
    private readonly List<TaskIdentity> _known = [.. applied.Keys.Concat(others).Distinct()];

    /// <exception cref="CliException">No task in the state matches, or several do.</exception>
    public TaskIdentity Resolve(string typed, CliConsole console)
    {
        var byId = _known.Where(k => k.ToString() == typed || k.TaskId == typed).ToList();
        if (byId.Count > 1)
        {
            throw Ambiguous($"task id '{typed}' is used by {byId.Count} accounts", byId);
        }

        var matches = byId.Count == 1 ? byId
            : ManifestFile(typed, console) is { } declared ? _known.Where(declared.Contains).ToList()
            : ByRecordedFile(typed) is { Count: > 0 } fromFile ? fromFile
            : _known.Where(k => StateViews.NameOf(applied.GetValueOrDefault(k)) == typed).ToList();
        return matches.Count switch
        {
            1 => matches[0],
            0 => throw new CliException($"'{ControlText.Escape(typed)}' matches no task in the state: give a task id, USER_ID/TASK_ID, a manifest file or a task name (see reconciler state list)"),
            _ => throw Ambiguous($"'{ControlText.Escape(typed)}' matches {matches.Count} tasks", matches),
        };
    }

    /// <summary>The identities a manifest file on disk declares (valid or not); null when <paramref name="typed"/> is not a file.</summary>
    private static HashSet<TaskIdentity>? ManifestFile(string typed, CliConsole console)
    {
        var full = console.ResolvePath(typed);
        if (!File.Exists(full))
        {
            return null;
        }

        var snapshot = new DirectorySource(Path.GetDirectoryName(full)!, new ManifestGlob([Path.GetFileName(full)], null)).Read();
        var desired = console.NewPipeline().Evaluate(snapshot);
        return [.. desired.Tasks.Select(t => t.Identity).Concat(desired.Invalid.Select(i => i.Identity).OfType<TaskIdentity>())];
    }

    /// <summary>A manifest path as the state recorded it (relative to the manifest folder), or ending with it.</summary>
    private List<TaskIdentity> ByRecordedFile(string typed)
    {
        var path = typed.Replace('\\', '/');
        return applied.Values
            .Where(r => r.SourceFile.Length > 0 && (r.SourceFile == path || path.EndsWith("/" + r.SourceFile, StringComparison.Ordinal)))
            .Select(r => r.Identity)
            .ToList();
    }

    private CliException Ambiguous(string what, IEnumerable<TaskIdentity> candidates)
    {
        var listed = candidates.Select(c => applied.GetValueOrDefault(c) is { } record
            ? $"{c} ({ControlText.Escape(StateViews.NameOf(record) ?? "-")}, {ControlText.Escape(record.SourceFile)})"
            : c.ToString());
        return new CliException($"{what}: write USER_ID/TASK_ID of one of them: {string.Join("; ", listed)}");
    }
}
