namespace Reconciler.TaskApi.Http;

/// <summary>
/// Sits inside the resilience handler, so it sees every attempt: counts them, refuses one that would start after the
/// call's deadline allows, and notes whether an attempt may have reached the platform (see <see cref="TransportFailures"/>).
/// </summary>
internal sealed class AttemptCountingHandler : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (!request.Options.TryGetValue(AttemptCounter.Key, out var counter))
        {
            return await base.SendAsync(request, cancellationToken);
        }

        if (counter.StartBy is { } startBy && counter.Time.GetUtcNow() > startBy)
        {
            // Too late for an attempt to finish within the deadline: it is not sent at all.
            throw new DeadlinePassedException();
        }

        counter.Increment();
        try
        {
            var response = await base.SendAsync(request, cancellationToken);
            counter.Reached();
            return response;
        }
        catch (Exception e) when (!TransportFailures.NothingSent(e))
        {
            counter.ReachedWithoutAnswer();
            throw;
        }
    }
}
