namespace Reconciler.Testing.GitHub;

/// <summary>
/// One request the fake received. The authorization value itself is not kept, only its scheme and whether it
/// matched, so recorded requests can be printed in test output without leaking the token.
/// </summary>
public sealed record FakeGitHubRequest(
    string Method,
    string Path,
    string Query,
    string? Body,
    string? AuthorizationScheme,
    bool Authorized,
    string? UserAgent,
    FakeGitHubRoute? Route,
    int StatusCode)
{
    /// <summary>True when the request carried an Authorization header.</summary>
    public bool HadAuthorization => AuthorizationScheme is not null;

    /// <summary>A query parameter's value, or null.</summary>
    public string? QueryValue(string name) =>
        Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(Query).TryGetValue(name, out var v) ? v.ToString() : null;
}
