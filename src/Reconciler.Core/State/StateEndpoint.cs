namespace Reconciler.Core.State;

/// <summary>
/// A state store describes one API endpoint: "unchanged" means "the same as what this endpoint accepted". A store is
/// bound by its first recorded answer (the first last-applied record), never by an attempt that reached nothing; once
/// it holds records, using it against another endpoint is refused, unless the user asks to re-bind, which forgets the
/// records (they describe the other endpoint) so every task is adopted again. A store without records follows the
/// endpoint in use silently.
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

    /// <summary>
    /// Makes the store describe <paramref name="endpoint"/>: a store with records bound elsewhere is refused (or re-bound
    /// when asked, forgetting its records); a store without records is bound by its first recorded answer, whatever it
    /// was bound to before (nothing in it describes any endpoint).
    /// </summary>
    /// <returns>The endpoint whose records were forgotten by a re-bind; null when none were.</returns>
    /// <exception cref="StateEndpointMismatchException">It holds records of another endpoint and <paramref name="rebind"/> is false.</exception>
    public static async Task<string?> EnsureAsync(IStateStore store, string endpoint, bool rebind, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        var bound = await store.ReadEndpointAsync(cancellationToken);
        if (bound == endpoint)
        {
            return null;
        }

        if (!await HasRecordsAsync(store, cancellationToken))
        {
            await store.BindWithFirstRecordAsync(endpoint, cancellationToken);
            return null;
        }

        if (bound is not null && !rebind)
        {
            throw new StateEndpointMismatchException(bound, endpoint);
        }

        // Records written before stores were bound describe the endpoint in use; records of another one are forgotten.
        await store.BindEndpointAsync(endpoint, forgetRecords: bound is not null, cancellationToken);
        return bound;
    }

    /// <summary>Refuses, without writing, a store whose records describe another endpoint (a plan's refresh, a replica at start).</summary>
    /// <exception cref="StateEndpointMismatchException">It holds records of another endpoint and <paramref name="rebind"/> is false.</exception>
    public static async Task CheckAsync(IStateStore store, string endpoint, bool rebind, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        if (!rebind && await store.ReadEndpointAsync(cancellationToken) is { } bound && bound != endpoint && await HasRecordsAsync(store, cancellationToken))
        {
            throw new StateEndpointMismatchException(bound, endpoint);
        }
    }

    private static async Task<bool> HasRecordsAsync(IStateStore store, CancellationToken cancellationToken) =>
        (await store.LoadAppliedAsync(cancellationToken)).Count > 0;
}
