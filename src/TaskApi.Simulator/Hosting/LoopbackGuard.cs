using System.Net;

namespace TaskApi.Simulator.Hosting;

/// <summary>
/// The simulator only ever listens on loopback: it accepts any token in demo mode and has an unauthenticated
/// control surface, so it must not be reachable from another machine.
/// </summary>
internal static class LoopbackGuard
{
    /// <summary>Parses <c>http://127.0.0.1:5080;http://[::1]:0</c> into endpoints.</summary>
    /// <exception cref="ArgumentException">An address is not http, has a path, or is not loopback.</exception>
    public static IReadOnlyList<IPEndPoint> Parse(string urls)
    {
        var endpoints = new List<IPEndPoint>();
        foreach (var url in urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttp)
            {
                throw new ArgumentException($"simulator address '{url}' is not an http:// URL (https is not supported)");
            }

            if (uri.AbsolutePath != "/")
            {
                throw new ArgumentException($"simulator address '{url}' must not have a path");
            }

            var address = uri.Host switch
            {
                "localhost" => IPAddress.Loopback,
                _ when IPAddress.TryParse(uri.Host, out var ip) && IPAddress.IsLoopback(ip) => ip,
                _ => throw new ArgumentException(
                    $"simulator address '{url}' is not loopback: the simulator only listens on 127.0.0.0/8, [::1] or localhost"),
            };
            endpoints.Add(new IPEndPoint(address, uri.Port));
        }

        return endpoints.Count > 0 ? endpoints : throw new ArgumentException("no simulator address given");
    }
}
