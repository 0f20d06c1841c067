namespace Reconciler.Core.Manifests;

/// <summary>Invalid manifests with the identity they could be read with (their task is still claimed by them).</summary>
internal static class InvalidManifests
{
    /// <summary>Each invalid manifest whose identity could be read, with that identity; the others name no task.</summary>
    public static IEnumerable<(InvalidManifest Invalid, TaskIdentity Identity)> OfIdentified(this IEnumerable<InvalidManifest> invalid)
    {
        ArgumentNullException.ThrowIfNull(invalid);
        foreach (var manifest in invalid)
        {
            if (manifest.Identity is { } identity)
            {
                yield return (manifest, identity);
            }
        }
    }
}
