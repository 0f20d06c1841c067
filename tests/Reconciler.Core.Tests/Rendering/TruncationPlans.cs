using System.Globalization;
using Reconciler.Core.Diagnostics;
using Reconciler.Core.Manifests;
using Reconciler.Core.Planning;

namespace Reconciler.Core.Tests.Rendering;

/// <summary>
/// Plans built directly as data for the renderer's edge cases (sizes no real manifest reaches quickly):
/// thousands of errors, one enormous value, a bit of everything.
/// </summary>
internal static class TruncationPlans
{
    public static Plan ManyInvalid(int count, int errorsEach, int messageLength) =>
        new(Enumerable.Range(0, count).Select(i => Invalid(i, errorsEach, messageLength)).ToList(), "0123456789abcdef0123456789abcdef01234567");

    public static Plan UpdatesWithOneHugeValue(int updates, int hugeIndex, int hugeLength) =>
        new(Enumerable.Range(0, updates).Select(i => Update(i, i == hugeIndex ? new string('长', hugeLength) : $"备注-{i}")).ToList(), null);

    /// <summary>Errors, warnings, updates with diffs, adopts, an unmanage and a suspended task: every part of the comment.</summary>
    public static Plan Mixed()
    {
        var entries = new List<PlanEntry>();
        entries.AddRange(Enumerable.Range(0, 4).Select(i => Invalid(i, errorsEach: 2, messageLength: 60)));
        entries.AddRange(Enumerable.Range(10, 12).Select(i => Update(i, $"新备注-{i}") with
        {
            Diagnostics = i % 3 == 0 ? [Diagnostic.Warning("field-omitted", $"bridge_group_id was applied before and is now omitted ({i})", Place(i, 1), "/spec/bridge_group_id")] : [],
        }));
        entries.AddRange(Enumerable.Range(30, 6).Select(i => new PlanEntry(PlanAction.Adopt, Id(i), $"任务-{i}", Place(i, 1), [new("/maximumcall", null, "4"), new("/name", null, $"\"任务-{i}\"")], [])));
        entries.Add(new PlanEntry(PlanAction.Unmanage, Id(40), null, SourceLocation.StartOf("tasks/gone.yaml"), [], []));
        entries.Add(new PlanEntry(PlanAction.Suspended, Id(41), "暂停任务", Place(41, 1), [], []));
        return new Plan(entries, "0123456789abcdef0123456789abcdef01234567", "fedcba9876543210fedcba9876543210fedcba98");
    }

    private static PlanEntry Invalid(int i, int errorsEach, int messageLength)
    {
        var diagnostics = Enumerable.Range(0, errorsEach)
            .Select(e => Diagnostic.Error("schema", Message(i, e, messageLength), Place(i, 10 + e), $"/spec/field_{e}"))
            .ToList();
        return new PlanEntry(PlanAction.Invalid, Id(i), $"坏任务-{i}", Place(i, 1), [], diagnostics);
    }

    private static PlanEntry Update(int i, string remark) =>
        new(PlanAction.Update, Id(i), $"任务-{i}", Place(i, 1), [new("/maximumcall", "2", "4"), new("/remark", "\"旧备注\"", $"\"{remark}\"")], []);

    private static string Message(int i, int e, int length)
    {
        var start = $"error {e} of task {i.ToString(CultureInfo.InvariantCulture)}: ";
        return start + new string('x', Math.Max(0, length - start.Length));
    }

    private static TaskIdentity Id(int i) => new(TestManifests.UserId, $"t-{i}");

    private static SourceLocation Place(int i, int line) => new($"tasks/task-{i:000}.yaml", line, 3);
}
