namespace Reconciler.Git.Tests;

public sealed class GitCredentialsSelectionTests
{
    private static Func<string, string?> Env(params (string Name, string Value)[] variables) =>
        name => variables.FirstOrDefault(v => v.Name == name).Value;

    [Fact]
    public void For_Https_PrefersReconcilerTokenOverGithubToken()
    {
        var credentials = GitCredentials.For(
            RemoteUrl.Parse("https://github.com/a.git"),
            Env((GitCredentials.TokenVariable, "mine"), (GitCredentials.FallbackTokenVariable, "github")));

        Assert.Equal("x-access-token", credentials.UserName);
        Assert.Equal("mine", credentials.Password);
        Assert.NotNull(credentials.Handler());
    }

    [Fact]
    public void For_Https_FallsBackToGithubToken()
    {
        var credentials = GitCredentials.For(RemoteUrl.Parse("https://github.com/a.git"), Env((GitCredentials.FallbackTokenVariable, "github")));

        Assert.Equal("github", credentials.Password);
    }

    [Theory]
    [InlineData("http://example.com/a.git")]
    [InlineData("git://example.com/a.git")]
    [InlineData("/srv/git/a.git")]
    public void For_PlainTransportsOffLoopback_NeverSendTheToken(string url)
    {
        var credentials = GitCredentials.For(RemoteUrl.Parse(url), Env((GitCredentials.TokenVariable, "mine")));

        Assert.Null(credentials.Password);
        Assert.Null(credentials.Handler());
    }

    [Fact]
    public void For_HttpOnLoopback_SendsTheToken()
    {
        var credentials = GitCredentials.For(RemoteUrl.Parse("http://127.0.0.1:8080/a.git"), Env((GitCredentials.TokenVariable, "mine")));

        Assert.Equal("mine", credentials.Password);
    }

    [Fact]
    public void Scrub_RemovesTokensAndUrlPasswords()
    {
        var credentials = GitCredentials.For(RemoteUrl.Parse("https://bot:pw-in-url@github.com/a.git"), Env((GitCredentials.TokenVariable, "tok-123")));

        Assert.Equal("x [redacted] y [redacted] z", credentials.Scrub("x tok-123 y pw-in-url z"));
        Assert.Equal("bot", credentials.UserName);
        Assert.Equal("pw-in-url", credentials.Password);
    }
}
