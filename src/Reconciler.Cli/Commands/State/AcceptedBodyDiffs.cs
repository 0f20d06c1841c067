using Reconciler.Core.Planning;
using Reconciler.Core.State;
using Reconciler.Core.Text;

namespace Reconciler.Cli.Commands.State;

/// <summary>
/// <c>state history --diff</c>: for each accepted update of one task, the field changes from the body accepted before it
/// (the first one is named as such, not diffed). Bodies come from the state's accepted bodies, by the attempt's hash.
/// </summary>
internal static class AcceptedBodyDiffs
{
    /// <summary>The lines to print under each attempt (newest first, as the history lists them), keyed by the attempt's position.</summary>
    public static async Task<IReadOnlyDictionary<int, IReadOnlyList<string>>> ForAsync(IReadOnlyList<ApplyAttempt> newestFirst, IAcceptedBodies bodies, CancellationToken cancellationToken)
    {
        var lines = new Dictionary<int, IReadOnlyList<string>>();
        string? before = null;
        string? beforeHash = null;
        for (var i = newestFirst.Count - 1; i >= 0; i--)
        {
            var attempt = newestFirst[i];
            if (attempt.Outcome != ApplyOutcome.Applied || attempt.BodyHash is not { } hash || hash == beforeHash)
            {
                continue;
            }

            var body = await bodies.ReadAcceptedBodyAsync(hash, cancellationToken);
            if (body is null)
            {
                lines[i] = ["    (this body was accepted before the state kept bodies: no diff)"];
                continue;
            }

            var changes = before is null ? [] : AcceptedBodyChanges.Between(before, body);
            lines[i] = before is null ? ["    (the first body accepted in this history: state show prints it whole)"]
                : changes.Count == 0 ? ["    (no field changed)"]
                : changes.Select(Line).ToList();
            (before, beforeHash) = (body, hash);
        }

        return lines;
    }

    private static string Line(FieldChange change) => ControlText.Escape(change.Kind switch
    {
        FieldChangeKind.Added => $"    + {change.Path}: {change.After}",
        FieldChangeKind.Removed => $"    - {change.Path}: {change.Before}",
        _ => $"    ~ {change.Path}: {change.Before} -> {change.After}",
    });
}
