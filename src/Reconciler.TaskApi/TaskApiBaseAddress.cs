namespace Reconciler.TaskApi;

/// <summary>The rule for the API base URL: https, or plain http only on loopback (where the simulator runs).</summary>
public static class TaskApiBaseAddress
{
    /// <summary>Why <paramref name="address"/> is refused, or null when it is fine.</summary>
    public static string? Problem(Uri? address)
    {
        if (address is null || !address.IsAbsoluteUri)
        {
            return "the API base URL must be an absolute https:// URL";
        }

        if (address.UserInfo.Length > 0)
        {
            return "the API base URL must not carry credentials; tokens come from RECONCILER_API_TOKEN*";
        }

        if (address.Scheme == Uri.UriSchemeHttps)
        {
            return null;
        }

        if (address.Scheme == Uri.UriSchemeHttp)
        {
            // Bearer tokens over plain http would cross the network in clear text.
            return address.IsLoopback
                ? null
                : $"the API base URL {address} uses plain http: only https is allowed, except on loopback (127.0.0.1, [::1], localhost) for the simulator";
        }

        return $"the API base URL {address} must use https";
    }

    /// <summary>The address with a trailing slash, so relative request paths keep any base path.</summary>
    public static Uri Normalize(Uri address)
    {
        ArgumentNullException.ThrowIfNull(address);
        return address.AbsoluteUri.EndsWith('/') ? address : new Uri(address.AbsoluteUri + "/");
    }
}
