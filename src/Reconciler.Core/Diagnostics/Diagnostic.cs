using Reconciler.Core.Text;

namespace Reconciler.Core.Diagnostics;

/// <summary>
/// One problem found in user input: severity, a plain message, where it is (file:line:column) and
/// which value it concerns (a JSON Pointer into the manifest document, e.g. <c>/spec/maximumcall</c>).
/// Diagnostics are collected and reported together; they are never thrown.
/// </summary>
/// <param name="Code">A stable identifier for the kind of problem (e.g. <c>schema</c>, <c>yaml-syntax</c>, <c>maximumcall-lines</c>).</param>
public sealed record Diagnostic(
    Severity Severity,
    string Code,
    string Message,
    SourceLocation? Location = null,
    string? JsonPath = null)
{
    public bool IsError => Severity == Severity.Error;

    public static Diagnostic Error(string code, string message, SourceLocation? location = null, string? jsonPath = null) =>
        new(Severity.Error, code, message, location, jsonPath);

    public static Diagnostic Warning(string code, string message, SourceLocation? location = null, string? jsonPath = null) =>
        new(Severity.Warning, code, message, location, jsonPath);

    /// <summary>
    /// The one-line form used on stderr and in CI logs: <c>file:line:col: error: message (json/path)</c>. Control
    /// and bidi characters from file names, keys and values are escaped (<see cref="ControlText"/>), so the
    /// line stays one line and shows what is there.
    /// </summary>
    public override string ToString() => Display("");

    /// <summary>The one-line form (<see cref="ToString"/>) with <paramref name="filePrefix"/> before the file (<see cref="SourceLocation.Display"/>).</summary>
    public string Display(string filePrefix)
    {
        var where = Location is null ? "" : $"{Location.Display(filePrefix)}: ";
        var severity = Severity == Severity.Error ? "error" : "warning";
        var path = string.IsNullOrEmpty(JsonPath) ? "" : $" ({ControlText.Escape(JsonPath)})";
        return $"{where}{severity}: {ControlText.Escape(Message)}{path}";
    }
}
