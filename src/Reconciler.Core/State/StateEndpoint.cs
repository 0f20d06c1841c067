namespace Reconciler.Core.State;

/// <summary>
/// A state store describes one API endpoint: "unchanged" means "the same as what this endpoint accepted". The
/// first apply binds an unbound store to its endpoint; using it against another one is refused, unless the user
/// asks to re-bind, which forgets the records (they describe the other endpoint) so every task is adopted again.
/// </summary>
public static class StateEndpoint
{
    /// <summary>What the built-in simulator's stores are bound to (its port changes every run).</summary>
    public const string EmbeddedSimulator = "embedded-simulator";

    /// <summary>Scheme, host and port in lower case, the path without a trailing slash; no user info, query or fragment.</summary>
    public static string Normalize(Uri baseAddress)
    {
        ArgumentNullException.ThrowIfNull(baseAddress);
        var path = baseAddress.AbsolutePath.TrimEnd('/');
        return $"{baseAddress.Scheme.ToLowerInvariant()}://{baseAddress.IdnHost.ToLowerInvariant()}:{baseAddress.Port}{path}";
    }

    /// <summary>Binds an unbound store, re-binds when asked, or refuses a store bound to another endpoint.</summary>
    /// <returns>The endpoint the store was bound to before (null when it was unbound).</returns>
    /// <exception cref="StateEndpointMismatchException">Bound to another endpoint and <paramref name="rebind"/> is false.</exception>
    public static async Task<string?> EnsureAsync(IStateStore store, string endpoint, bool rebind, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        var bound = await store.ReadEndpointAsync(cancellationToken);
        if (bound == endpoint)
        {
            return bound;
        }

        if (bound is not null && !rebind)
        {
            throw new StateEndpointMismatchException(bound, endpoint);
        }

        await store.BindEndpointAsync(endpoint, forgetRecords: bound is not null, cancellationToken);
        return bound;
    }
}
