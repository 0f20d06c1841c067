using System.Net.Http;

namespace Reconciler.TaskApi.Http;

/// <summary>
/// Which transport failures prove that nothing reached the platform: a name that does not resolve, a connection that
/// could not be made (refused, unreachable, timed out while connecting), a TLS handshake or a proxy tunnel that failed.
/// Each happens before the first byte of the request is written. Anything else (a timeout after connecting, a
/// connection lost mid-answer) may have reached it: the request is in doubt.
/// </summary>
internal static class TransportFailures
{
    public static bool NothingSent(Exception exception) => exception switch
    {
        HttpRequestException { HttpRequestError: HttpRequestError.NameResolutionError or HttpRequestError.ConnectionError or HttpRequestError.SecureConnectionError or HttpRequestError.ProxyTunnelError } => true,
        DeadlinePassedException => true,
        _ => false,
    };

    /// <summary>A few plain words for what did not work, without the exception's type names.</summary>
    public static string Describe(HttpRequestException exception)
    {
        var what = exception.HttpRequestError switch
        {
            HttpRequestError.NameResolutionError => "the host name does not resolve",
            HttpRequestError.ConnectionError => "no connection could be made",
            HttpRequestError.SecureConnectionError => "the TLS handshake failed",
            HttpRequestError.ProxyTunnelError => "the proxy tunnel failed",
            _ => "connection failed",
        };
        var detail = exception.InnerException is { } inner && !exception.Message.Contains(inner.Message, StringComparison.Ordinal) ? $"{exception.Message} {inner.Message}" : exception.Message;
        return $"{what}: {detail}";
    }
}
