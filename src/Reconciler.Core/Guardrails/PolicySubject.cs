namespace Reconciler.Core.Guardrails;

/// <summary>What a selector looks at in one task: where it is written, the set it belongs to, its accounts and labels.</summary>
/// <param name="File">The manifest file (a set's file for a task of a TaskSet), relative to the manifest root.</param>
/// <param name="SetName">The TaskSet's name, or null for a plain Task manifest.</param>
public sealed record PolicySubject(
    string File,
    string? SetName,
    string? UserId,
    string? SubUserId,
    IReadOnlyDictionary<string, string> Labels);
