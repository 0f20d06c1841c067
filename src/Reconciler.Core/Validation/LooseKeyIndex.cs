using System.IO.Hashing;
using System.Runtime.InteropServices;
using Reconciler.Core.Manifests;

namespace Reconciler.Core.Validation;

/// <summary>
/// How many claims (a task, or an invalid document that names its task) each identity's loose key has over a set of file
/// evaluations, kept up to date file by file: while no key is claimed twice, the cross-file identity rules
/// (<see cref="IdentityConflicts"/>: duplicates and look-alikes) have nothing to say, so a desired state can be patched
/// instead of built again. Keys are held as 64-bit hashes (XxHash3): two keys that only share a hash count as claimed
/// twice, which costs a full build, never a missed conflict. 64 bits, because with 32 a fleet of 100,000 identities
/// has a shared hash more often than not (the birthday bound, n² / 2³³ ≈ 1.2: about 69%), and a shared hash stays
/// shared, so such a fleet was never patched; with 64 bits the chance is about 3 in 10¹⁰.
/// </summary>
internal sealed class LooseKeyIndex
{
    private readonly Dictionary<ulong, int> _claims = [];

    /// <summary>Keys (hashes) claimed more than once.</summary>
    public int Shared { get; private set; }

    public static LooseKeyIndex Of(IEnumerable<FileEvaluation> evaluations)
    {
        var index = new LooseKeyIndex();
        foreach (var evaluation in evaluations)
        {
            index.Add(evaluation);
        }

        return index;
    }

    public void Add(FileEvaluation evaluation)
    {
        foreach (var key in Keys(evaluation))
        {
            var count = _claims.GetValueOrDefault(key) + 1;
            _claims[key] = count;
            Shared += count == 2 ? 1 : 0;
        }
    }

    public void Remove(FileEvaluation evaluation)
    {
        foreach (var key in Keys(evaluation))
        {
            var count = _claims[key] - 1;
            Shared -= count == 1 ? 1 : 0;
            if (count == 0)
            {
                _claims.Remove(key);
            }
            else
            {
                _claims[key] = count;
            }
        }
    }

    private static IEnumerable<ulong> Keys(FileEvaluation evaluation) =>
        evaluation.Tasks.Select(t => t.Identity)
            .Concat(evaluation.Invalid.OfIdentified().Select(i => i.Identity))
            .Select(Key);

    /// <summary>The 64-bit hash of an identity's loose key.</summary>
    internal static ulong Key(TaskIdentity identity) =>
        XxHash3.HashToUInt64(MemoryMarshal.AsBytes(IdentityComparison.LooseKey(identity).AsSpan()));
}
