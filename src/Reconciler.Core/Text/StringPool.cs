using System.Collections.Concurrent;

namespace Reconciler.Core.Text;

/// <summary>
/// One instance of each equal string, for values that repeat across a fleet's manifests (a main account's
/// <c>user_id</c> is on every task it owns): at 100,000 tasks each parse made its own copy, about 9 MB of equal strings.
/// Safe to use from the evaluator's parallel workers. Bounded (our choice, so a repository of unique values cannot grow
/// it without end): past <paramref name="capacity"/> distinct values a string is returned as it is, unshared.
/// </summary>
public sealed class StringPool(int capacity = 4096)
{
    private readonly ConcurrentDictionary<string, string> _strings = new(StringComparer.Ordinal);

    /// <summary>Distinct strings held.</summary>
    public int Count => _strings.Count;

    /// <summary>The pooled instance equal to <paramref name="value"/> (that one, when it is new and the pool has room).</summary>
    public string Share(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (_strings.TryGetValue(value, out var shared))
        {
            return shared;
        }

        return _strings.Count < capacity ? _strings.GetOrAdd(value, value) : value;
    }
}
