using System.Globalization;
using Reconciler.Core.Diagnostics;
using Reconciler.Core.Manifests;

namespace Reconciler.Core.Validation;

/// <summary>
/// The cross-file identity rules, in time linear in the number of manifests: one identity, one manifest; and
/// no two identities that only differ by letter case or leading zeros (<see cref="IdentityComparison"/>).
/// Each diagnostic lists at most <see cref="MaxListed"/> other places, so 2,000 files claiming one task give
/// 2,000 short lines, not 2,000 lines of 2,000 places each.
/// </summary>
internal static class IdentityConflicts
{
    public const int MaxListed = 5;

    /// <summary>The extra diagnostics per claimant (a <see cref="TaskManifest"/> or an <see cref="InvalidManifest"/>), by reference.</summary>
    public static Dictionary<object, List<Diagnostic>> Find(IReadOnlyList<TaskManifest> tasks, IReadOnlyList<InvalidManifest> invalid)
    {
        var claims = tasks.Select(t => new Claim(t, t.Identity, t.IdentityLocation ?? t.Location))
            .Concat(invalid.OfIdentified().Select(x => new Claim(x.Invalid, x.Identity, x.Invalid.IdentityLocation ?? x.Invalid.Location)))
            .ToList();
        var found = new Dictionary<object, List<Diagnostic>>(ReferenceEqualityComparer.Instance);

        foreach (var group in claims.GroupBy(c => c.Identity).Where(g => g.Skip(1).Any()))
        {
            var places = group.Select(c => c.Location).Order().ToList();
            foreach (var claim in group)
            {
                var message = $"task {claim.Identity} is also defined at {Others(places, claim.Location)}; each task must have exactly one manifest";
                Add(found, claim, Diagnostic.Error("duplicate-identity", message, claim.Location, "/metadata/task_id"));
            }
        }

        foreach (var group in claims.GroupBy(c => IdentityComparison.LooseKey(c.Identity), StringComparer.Ordinal))
        {
            var spellings = group.GroupBy(c => c.Identity).Select(g => (Identity: g.Key, Location: g.Select(c => c.Location).Min()!)).OrderBy(s => s.Location).ToList();
            if (spellings.Count < 2)
            {
                continue;
            }

            foreach (var claim in group)
            {
                var others = spellings.Where(s => s.Identity != claim.Identity).Take(MaxListed).Select(s => $"{s.Identity} at {s.Location}");
                var listed = string.Join(", ", others) + More(spellings.Count - 1);
                var message = $"task {claim.Identity} differs only in letter case or leading zeros from {listed}: the API document does not say whether the platform tells such ids apart, so they may be one task; use one spelling";
                Add(found, claim, Diagnostic.Error("identity-look-alike", message, claim.Location, "/metadata/task_id"));
            }
        }

        return found;
    }

    // Lazy on purpose: at most MaxListed + 1 places are looked at per claimant.
    private static string Others(List<SourceLocation> places, SourceLocation here) =>
        string.Join(", ", places.Where(p => p != here).Take(MaxListed)) + More(places.Count - 1);

    private static string More(int count) =>
        count > MaxListed ? string.Create(CultureInfo.InvariantCulture, $" and {count - MaxListed:N0} more") : "";

    private static void Add(Dictionary<object, List<Diagnostic>> found, Claim claim, Diagnostic diagnostic)
    {
        if (!found.TryGetValue(claim.Owner, out var list))
        {
            found[claim.Owner] = list = [];
        }

        list.Add(diagnostic);
    }

    private sealed record Claim(object Owner, TaskIdentity Identity, SourceLocation Location);
}
