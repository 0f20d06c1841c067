namespace Reconciler.Testing.GitHub;

/// <summary>How the fake GitHub is set up: one repository, one accepted token, one login that writes comments.</summary>
public sealed record FakeGitHubServerOptions
{
    /// <summary>The only token accepted, as <c>token …</c> or <c>Bearer …</c>; anything else gets 401.</summary>
    public string Token { get; init; } = "ghs_fakeTokenForTests0123456789";

    /// <summary>Owner of the only repository served.</summary>
    public string Owner { get; init; } = "callcentre";

    /// <summary>Name of the only repository served.</summary>
    public string Repository { get; init; } = "tasks";

    /// <summary>The login comments and statuses are created as (what GITHUB_TOKEN comments appear as).</summary>
    public string Login { get; init; } = "github-actions[bot]";

    /// <summary>
    /// Whether <c>GET /user</c> answers with <see cref="Login"/> (a personal token); false: 403 "Resource not accessible by
    /// integration", as GitHub answers an app's installation token such as GitHub Actions' GITHUB_TOKEN.
    /// </summary>
    public bool UserReadable { get; init; } = true;

    /// <summary>Path prefixes the API is served under; "" serves it at the root as well.</summary>
    public IReadOnlyList<string> PathPrefixes { get; init; } = ["/api/v3", ""];

    /// <summary>Where the fake's clock starts; it advances one second per write so ordering is deterministic.</summary>
    public DateTimeOffset StartTime { get; init; } = new(2025, 3, 1, 9, 0, 0, TimeSpan.Zero);
}
