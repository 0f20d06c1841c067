using System.Net;

namespace Reconciler.TaskApi.Http;

/// <summary>Sees every attempt's answer: a 429 pauses the whole <see cref="RequestPacer"/>, so every worker waits its Retry-After.</summary>
internal sealed class RateLimitSignalHandler(RequestPacer pacer, TimeProvider time) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        if (response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            pacer.Pause(TransientFailures.RetryAfter(response, time));
        }

        return response;
    }
}
