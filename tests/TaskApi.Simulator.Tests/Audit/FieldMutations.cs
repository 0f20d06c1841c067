using System.Globalization;
using Reconciler.Core.Manifests;
using static TaskApi.Simulator.Tests.Audit.Outcome;

namespace TaskApi.Simulator.Tests.Audit;

/// <summary>
/// One-field mutations of a rich body, by the kind of value the document gives the field: each wrong JSON type, each bound
/// the document states (and one value past it), and the forms the document shows (digit-string ids, its other date format).
/// Every mutation says what the document implies (both accept, or both refuse) or names the README row where the reconciler
/// deliberately differs.
/// </summary>
internal sealed class FieldMutations(ApiFlavour flavour, string baseBody)
{
    private const string LowerBounds = "lower-bounds";
    private const string DigitStrings = "digit-strings";

    public ApiFlavour Flavour => flavour;

    public AuditCase Case(string path, string json, Outcome outcome, string? label = null) =>
        new($"{Tag} {path} = {label ?? json}", flavour, b => BodyEdits.Set(b, path, json), outcome.Verdict, outcome.Difference) { Base = baseBody };

    public AuditCase Removed(string path, Outcome outcome) =>
        new($"{Tag} {path} removed", flavour, b => BodyEdits.Remove(b, path), outcome.Verdict, outcome.Difference) { Base = baseBody };

    /// <summary>An id (<c>int</c>): a JSON integer or a string of digits, as the document's examples send ids.</summary>
    public IEnumerable<AuditCase> Id(string path, Outcome removed) => Common(path, removed).Concat(
    [
        Case(path, "\"7\"", Accept),
        Case(path, "\"215870475195883520\"", Accept),
        Case(path, "215870475195883520", Accept),
        Case(path, "-1", Ours(LowerBounds)),
        Case(path, "\"-1\"", Refuse),
        Case(path, "\"\"", Refuse),
        Case(path, "\"99999999999999999999\"", Refuse),
        .. NotIntegers(path),
    ]);

    /// <summary>A count or another <c>int</c> that is not an id; <paramref name="minimum"/> is our lower bound, if any.</summary>
    public IEnumerable<AuditCase> Count(string path, Outcome removed, long valid, long? minimum = 0) => Common(path, removed).Concat(
    [
        Case(path, Quoted(valid), Ours(DigitStrings)),
        Case(path, (minimum ?? 0) == 0 ? "-1" : "0", minimum is null ? Accept : Ours(LowerBounds)),
        .. NotIntegers(path),
    ]);

    /// <summary>An <c>int</c> with the values the document lists (<c>pop_mode</c> 0-2, <c>mode</c> 0/1, …).</summary>
    public IEnumerable<AuditCase> OneOf(string path, Outcome removed, params long[] values) => Common(path, removed).Concat(
    [
        .. values.Select(v => Case(path, Text(v), Accept)),
        Case(path, Text(values.Max() + 1), Refuse),
        Case(path, Text(values.Min() - 1), Refuse),
        Case(path, Quoted(values[0]), Ours(DigitStrings)),
        .. NotIntegers(path),
    ]);

    /// <summary>An <c>int</c> with a documented maximum ("最多 60 分钟", "最多 3 次").</summary>
    public IEnumerable<AuditCase> AtMost(string path, long maximum) => Common(path, Accept).Concat(
    [
        Case(path, Text(maximum), Accept),
        Case(path, Text(maximum + 1), Refuse),
        Case(path, "-1", Ours(LowerBounds)),
        Case(path, Quoted(maximum), Ours(DigitStrings)),
        .. NotIntegers(path),
    ]);

    /// <summary>The document's <c>bool</c>: true/false or 1/0; <paramref name="whenOn"/> for a cross-field rule on true.</summary>
    public IEnumerable<AuditCase> Flag(string path, Outcome whenOn) => Common(path, Accept).Concat(
    [
        Case(path, "0", Accept),
        Case(path, "false", Accept),
        Case(path, "1", whenOn),
        Case(path, "true", whenOn),
        Case(path, "2", Refuse),
        Case(path, "\"1\"", Refuse),
        Case(path, "\"yes\"", Refuse),
    ]);

    /// <summary>A <c>string</c>; <paramref name="empty"/> is what an empty string gets.</summary>
    public IEnumerable<AuditCase> Text(string path, Outcome removed, Outcome empty) => Common(path, removed).Concat(
    [
        Case(path, "\"\"", empty),
        Case(path, "\"任务\"", Accept),
        Case(path, "1", Refuse),
        Case(path, "[]", Refuse),
    ]);

    /// <summary>A date-time string; <paramref name="otherForm"/> is a valid value in another format the document shows.</summary>
    public IEnumerable<AuditCase> DateTime(string path, Outcome removed, string otherForm) => Common(path, removed).Concat(
    [
        Case(path, $"\"{otherForm}\"", Accept),
        Case(path, "\"tomorrow\"", Ours("date-format")),
        Case(path, "\"\"", removed == Refuse ? Refuse : Ours("date-format")),
        Case(path, "1", Refuse),
    ]);

    /// <summary>An <c>HH:MM</c> window end ("09:00").</summary>
    public IEnumerable<AuditCase> Clock(string path, Outcome removed) => Common(path, removed).Concat(
    [
        Case(path, "\"25:00\"", Ours("time-windows")),
        Case(path, "1", Refuse),
    ]);

    /// <summary>An array; <paramref name="empty"/> is what <c>[]</c> gets; <paramref name="badEntry"/> a value its entries cannot be.</summary>
    public IEnumerable<AuditCase> List(string path, Outcome removed, Outcome empty, string badEntry = "1") => Common(path, removed).Concat(
    [
        Case(path, "[]", empty),
        Case(path, "{}", Refuse),
        Case(path, "\"x\"", Refuse),
        Case(path + ".0", badEntry, Refuse),
        Case(path + ".0", "null", Refuse),
    ]);

    /// <summary>An array whose entries the document never shows (its examples send only <c>[]</c>): any entry is accepted.</summary>
    public IEnumerable<AuditCase> AnyList(string path) => Common(path, Accept).Concat(
    [
        Case(path, "[{\"from\":\"09:00\"},1,\"x\"]", Accept),
        Case(path, "{}", Refuse),
        Case(path, "\"x\"", Refuse),
    ]);

    /// <summary>An object.</summary>
    public IEnumerable<AuditCase> Object(string path, Outcome removed) => Common(path, removed).Concat(
    [
        Case(path, "[]", Refuse),
        Case(path, "\"x\"", Refuse),
    ]);

    private string Tag => flavour == ApiFlavour.V2 ? "v2" : "legacy";

    private IEnumerable<AuditCase> Common(string path, Outcome removed) => [Removed(path, removed), Case(path, "null", Refuse)];

    private IEnumerable<AuditCase> NotIntegers(string path) =>
        [Case(path, "\"x\"", Refuse), Case(path, "true", Refuse), Case(path, "1.5", Refuse), Case(path, "2.0", Refuse), Case(path, "1e1", Refuse), Case(path, "[]", Refuse)];

    private static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Quoted(long value) => $"\"{Text(value)}\"";
}
