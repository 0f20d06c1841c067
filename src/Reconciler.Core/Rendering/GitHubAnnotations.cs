using System.Text;
using Reconciler.Core.Diagnostics;
using Reconciler.Core.Text;

namespace Reconciler.Core.Rendering;

/// <summary>
/// Diagnostics as GitHub Actions workflow commands (<c>::error file=PATH,line=L,col=C::MESSAGE</c>), which
/// GitHub shows on the pull request's changed lines. Escaping follows the runner's rules: data escapes
/// <c>%</c>, CR and LF; property values also escape <c>:</c> and <c>,</c>.
/// </summary>
public static class GitHubAnnotations
{
    /// <param name="filePrefix">Written before every manifest path (<see cref="PlanText.ShownFile"/>): the directory as the user typed it, or "".</param>
    public static string Render(IEnumerable<Diagnostic> diagnostics, string filePrefix = "")
    {
        var output = new StringBuilder();
        foreach (var diagnostic in diagnostics)
        {
            output.Append(Render(diagnostic, filePrefix)).Append('\n');
        }

        return output.ToString();
    }

    public static string Render(Diagnostic diagnostic, string filePrefix = "")
    {
        var command = diagnostic.IsError ? "error" : "warning";
        // Control characters are made visible first (ControlText), then the runner's own escapes apply.
        var message = ControlText.Escape(string.IsNullOrEmpty(diagnostic.JsonPath) ? diagnostic.Message : $"{diagnostic.Message} ({diagnostic.JsonPath})");
        var properties = diagnostic.Location is { } l
            ? $" file={EscapeProperty(ControlText.Escape(filePrefix + l.File))},line={l.Line},col={l.Column}"
            : "";
        return $"::{command}{properties}::{EscapeData(message)}";
    }

    public static string EscapeData(string value) =>
        value.Replace("%", "%25", StringComparison.Ordinal).Replace("\r", "%0D", StringComparison.Ordinal).Replace("\n", "%0A", StringComparison.Ordinal);

    public static string EscapeProperty(string value) =>
        EscapeData(value).Replace(":", "%3A", StringComparison.Ordinal).Replace(",", "%2C", StringComparison.Ordinal);
}
