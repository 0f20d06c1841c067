using Reconciler.Testing.Git;

namespace Reconciler.Git.Tests;

/// <summary>Tokens reach libgit2 only through the credentials callback and never any message.</summary>
[Collection(ProcessEnvironmentCollection.Name)]
public sealed class GitCredentialsTests : IDisposable
{
    private const string Token = "ghp_TestToken0123456789abcdefSECRET";
    private readonly GitSourceHarness _h = new();

    public void Dispose() => _h.Dispose();

    [Fact(Timeout = 60_000)]
    public async Task Fetch_HttpsClosedPortWithTokenInEnvironment_IsUnreachableAndNeverShowsTheToken()
    {
        var port = LoopbackPorts.Closed();
        var previous = Environment.GetEnvironmentVariable(GitCredentials.TokenVariable);
        Environment.SetEnvironmentVariable(GitCredentials.TokenVariable, Token);
        try
        {
            var source = _h.Source(url: $"https://127.0.0.1:{port}/acme/tasks.git", environment: Environment.GetEnvironmentVariable);

            var error = await Assert.ThrowsAsync<GitSourceException>(() => source.FetchAsync(_h.Token));

            Assert.Equal(GitSourceErrorKind.Unreachable, error.Kind);
            Assert.Contains($"https://127.0.0.1:{port}/acme/tasks.git", error.Message, StringComparison.Ordinal);
            Assert.DoesNotContain(Token, error.ToString(), StringComparison.Ordinal);
            Assert.DoesNotContain(Token, source.Options.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            Environment.SetEnvironmentVariable(GitCredentials.TokenVariable, previous);
        }
    }

    [Fact(Timeout = 60_000)]
    public async Task Fetch_UrlWithUserInfo_NeverShowsThePassword()
    {
        var port = LoopbackPorts.Closed();
        var source = _h.Source(url: $"https://x-access-token:{Token}@127.0.0.1:{port}/acme/tasks.git");

        var error = await Assert.ThrowsAsync<GitSourceException>(() => source.FetchAsync(_h.Token));

        Assert.Equal(GitSourceErrorKind.Unreachable, error.Kind);
        Assert.Equal($"https://127.0.0.1:{port}/acme/tasks.git", source.DisplayUrl);
        Assert.DoesNotContain(Token, error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Token, source.Options.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Token, source.CachePath, StringComparison.Ordinal);
    }

    [Fact(Timeout = 60_000)]
    public async Task Fetch_GitProtocolClosedPort_IsUnreachable()
    {
        var source = _h.Source(url: $"git://127.0.0.1:{LoopbackPorts.Closed()}/tasks.git");

        var error = await Assert.ThrowsAsync<GitSourceException>(() => source.FetchAsync(_h.Token));

        Assert.Equal(GitSourceErrorKind.Unreachable, error.Kind);
    }

    [GitCliFact(Timeout = 60_000)]
    public async Task Fetch_HttpServerRequiringToken_SendsTheTokenFromTheEnvironment()
    {
        var head = _h.Push("one", ("tasks/a.yaml", "a: 1"));
        await using var server = await GitHttpServer.StartAsync(_h.Remote.ServeRoot, Token);
        var source = _h.Source(url: server.UrlFor(_h.Remote.RepositoryName), environment: Env(GitCredentials.TokenVariable, Token));

        var result = await source.FetchAsync(_h.Token);

        Assert.Equal(head, result.CommitId);
        Assert.True(server.Unauthorized >= 1, "the first request goes without credentials and is challenged");
        Assert.DoesNotContain(Token, CacheFilesText(source.CachePath), StringComparison.Ordinal);
    }

    [GitCliFact(Timeout = 60_000)]
    public async Task Fetch_OnlyGithubTokenSet_UsesItAsFallback()
    {
        var head = _h.Push("one", ("tasks/a.yaml", "a: 1"));
        await using var server = await GitHttpServer.StartAsync(_h.Remote.ServeRoot, Token);
        var source = _h.Source(url: server.UrlFor(_h.Remote.RepositoryName), environment: Env(GitCredentials.FallbackTokenVariable, Token));

        Assert.Equal(head, (await source.FetchAsync(_h.Token)).CommitId);
    }

    [GitCliFact(Timeout = 60_000)]
    public async Task Fetch_WrongToken_FailsAsAuthenticationWithoutShowingIt()
    {
        _h.Push("one", ("tasks/a.yaml", "a: 1"));
        await using var server = await GitHttpServer.StartAsync(_h.Remote.ServeRoot, Token);
        const string wrong = "ghp_WrongToken_ShouldNeverBeShown";
        var source = _h.Source(url: server.UrlFor(_h.Remote.RepositoryName), environment: Env(GitCredentials.TokenVariable, wrong));

        var error = await Assert.ThrowsAsync<GitSourceException>(() => source.FetchAsync(_h.Token));

        Assert.Equal(GitSourceErrorKind.AuthenticationFailed, error.Kind);
        Assert.False(error.IsTransient);
        Assert.DoesNotContain(wrong, error.ToString(), StringComparison.Ordinal);
    }

    [GitCliFact(Timeout = 60_000)]
    public async Task Fetch_NoToken_FailsAsAuthenticationAndSaysWhichVariable()
    {
        _h.Push("one", ("tasks/a.yaml", "a: 1"));
        await using var server = await GitHttpServer.StartAsync(_h.Remote.ServeRoot, Token);
        var source = _h.Source(url: server.UrlFor(_h.Remote.RepositoryName));

        var error = await Assert.ThrowsAsync<GitSourceException>(() => source.FetchAsync(_h.Token));

        Assert.Equal(GitSourceErrorKind.AuthenticationFailed, error.Kind);
        Assert.Contains(GitCredentials.TokenVariable, error.Message, StringComparison.Ordinal);
    }

    [GitCliFact(Timeout = 60_000)]
    public async Task Fetch_CredentialsInUrl_AreUsedButNeitherShownNorStored()
    {
        var head = _h.Push("one", ("tasks/a.yaml", "a: 1"));
        await using var server = await GitHttpServer.StartAsync(_h.Remote.ServeRoot, Token);
        var url = server.UrlFor(_h.Remote.RepositoryName).Replace("http://", $"http://x-access-token:{Token}@", StringComparison.Ordinal);
        var source = _h.Source(url: url);

        var result = await source.FetchAsync(_h.Token);

        Assert.Equal(head, result.CommitId);
        Assert.DoesNotContain(Token, source.DisplayUrl, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, CacheFilesText(source.CachePath), StringComparison.Ordinal);
    }

    private static Func<string, string?> Env(string name, string value) => n => n == name ? value : null;

    private static string CacheFilesText(string cachePath) =>
        string.Concat(Directory.EnumerateFiles(cachePath, "*", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}objects{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(File.ReadAllText));
}
