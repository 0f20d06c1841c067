namespace Reconciler.Core.Rendering;

/// <summary>How a markdown plan is framed.</summary>
/// <param name="Marker">A hidden HTML comment put first, so that a pull-request comment can be found again and edited.</param>
/// <param name="MaxLength">
/// Hard limit in characters (GitHub refuses comments over 65,536). Counted as .NET string length (UTF-16 code
/// units), never fewer than the Unicode characters GitHub counts, so a body within it is within GitHub's.
/// </param>
/// <param name="PathPrefix">Prepended to file paths (the manifest directory relative to the repository root).</param>
/// <param name="WholePlan">
/// Markdown, written by the caller (never from a plan): where the whole plan can be read when this one is cut — the
/// job summary, a saved plan kept as an artefact, a command to run. The end of the truncation note.
/// </param>
public sealed record MarkdownOptions(string? Marker = null, int MaxLength = int.MaxValue, string? PathPrefix = null, string WholePlan = MarkdownOptions.DefaultWholePlan)
{
    public const string DefaultWholePlan = "Run `reconciler plan` locally, or read the CI job's log, for the full plan.";

    public const string DefaultMarker = "<!-- task-reconciler:plan -->";

    /// <summary>GitHub's limit for an issue or pull-request comment body.</summary>
    public const int GitHubCommentLimit = 65_536;

    public static readonly MarkdownOptions PullRequestComment = new(DefaultMarker, GitHubCommentLimit);
}
