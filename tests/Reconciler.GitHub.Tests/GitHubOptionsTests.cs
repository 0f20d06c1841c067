using Xunit;

namespace Reconciler.GitHub.Tests;

public sealed class GitHubOptionsTests
{
    private const string Token = "ghp_optionsTestToken0123456789abcdef";

    [Theory]
    [InlineData("https://api.github.com", "https://api.github.com/")]
    [InlineData("https://api.github.com/", "https://api.github.com/")]
    [InlineData("https://github.com", "https://api.github.com/")]
    [InlineData("https://ghe.example.com", "https://ghe.example.com/api/v3/")]
    [InlineData("https://ghe.example.com/api/v3", "https://ghe.example.com/api/v3/")]
    [InlineData("https://ghe.example.com/api/v3/", "https://ghe.example.com/api/v3/")]
    [InlineData("https://gateway.example.com/github/api/v3", "https://gateway.example.com/github/api/v3/")]
    [InlineData("http://127.0.0.1:8080", "http://127.0.0.1:8080/api/v3/")]
    [InlineData("http://localhost:8080/api/v3", "http://localhost:8080/api/v3/")]
    public void Normalize_ConfiguredUrl_KeepsItsPathAndEndsWithSlash(string configured, string expected) =>
        Assert.Equal(new Uri(expected), GitHubApiUrl.Normalize(new Uri(configured)));

    [Theory]
    [InlineData("http://ghe.example.com/api/v3")]
    [InlineData("https://user:secret@ghe.example.com/api/v3")]
    [InlineData("ftp://ghe.example.com/")]
    [InlineData("https://ghe.example.com/api/v3?x=1")]
    public void Normalize_UnsafeUrl_IsRefused(string configured) =>
        Assert.ThrowsAny<ArgumentException>(() => GitHubApiUrl.Normalize(new Uri(configured)));

    [Fact]
    public void Normalize_RelativeUrl_IsRefused() =>
        Assert.ThrowsAny<ArgumentException>(() => GitHubApiUrl.Normalize(new Uri("api/v3", UriKind.Relative)));

    [Theory]
    [InlineData("", "callcentre/tasks")]
    [InlineData("callcentre", "tasks")]
    [InlineData("CallCentre", "callcentre/tasks")]
    public void Publisher_OwnerAndName_AcceptsBothForms(string owner, string repository)
    {
        using var publisher = new PullRequestPublisher(new GitHubOptions(GitHubOptions.DefaultApiUrl, Token, owner, repository));

        Assert.Equal("callcentre/tasks", publisher.Repository, ignoreCase: true);
        Assert.Equal(new Uri("https://api.github.com/"), publisher.ApiUrl);
    }

    [Theory]
    [InlineData("other", "callcentre/tasks")]
    [InlineData("", "tasks")]
    [InlineData("", "callcentre/tasks/extra")]
    [InlineData("", "../tasks")]
    [InlineData("", "callcentre/..")]
    [InlineData("", "callcentre/ta?sks")]
    [InlineData("", "")]
    public void Publisher_BadRepository_IsRefused(string owner, string repository) =>
        Assert.ThrowsAny<ArgumentException>(() => new PullRequestPublisher(new GitHubOptions(GitHubOptions.DefaultApiUrl, Token, owner, repository)));

    [Fact]
    public void ToString_Options_NeverPrintsTheToken()
    {
        var options = GitHubOptions.For("callcentre/tasks", Token);

        var text = options.ToString();

        Assert.DoesNotContain(Token, text, StringComparison.Ordinal);
        Assert.Contains("Token = [redacted]", text, StringComparison.Ordinal);
        Assert.Contains("Repository = callcentre/tasks", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("ghp_abc\ndef0123456789")]
    [InlineData("ghp_abc def0123456789")]
    public void Publisher_UnusableToken_IsRefusedWithoutQuotingIt(string token)
    {
        var error = Assert.ThrowsAny<ArgumentException>(() => new PullRequestPublisher(GitHubOptions.For("callcentre/tasks", token)));

        if (token.Trim().Length > 0)
        {
            Assert.DoesNotContain("def0123456789", error.ToString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Publisher_TokenWithTrailingNewline_IsTrimmed()
    {
        // Token files usually end with a newline.
        using var publisher = new PullRequestPublisher(GitHubOptions.For("callcentre/tasks", Token + "\n"));

        Assert.Equal("callcentre/tasks", publisher.Repository);
    }
}
