namespace Reconciler.GitHub;

/// <summary>
/// Octokit's comment, status and pull-request clients take no CancellationToken. This handler sits under
/// Octokit's HttpClient and links the caller's token (flowed through an AsyncLocal) into every request, so
/// cancelling really aborts the request in flight instead of abandoning it.
/// </summary>
internal sealed class AmbientCancellationHandler : DelegatingHandler
{
    private static readonly AsyncLocal<CancellationToken> Current = new();

    // Set inside an async method: the value flows into the calls it makes and is gone when it returns.
    public static void Use(CancellationToken cancellationToken) => Current.Value = cancellationToken;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var ambient = Current.Value;
        if (!ambient.CanBeCanceled)
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, ambient);
        return await base.SendAsync(request, linked.Token).ConfigureAwait(false);
    }
}
