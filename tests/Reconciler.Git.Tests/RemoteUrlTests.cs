namespace Reconciler.Git.Tests;

public sealed class RemoteUrlTests
{
    [Theory]
    [InlineData("https://github.com/acme/tasks.git", "https://github.com/acme/tasks.git")]
    [InlineData("https://x-access-token:secret@github.com/acme/tasks.git", "https://github.com/acme/tasks.git")]
    [InlineData("https://someone@github.example/acme/tasks.git", "https://github.example/acme/tasks.git")]
    [InlineData("http://127.0.0.1:8080/tasks.git", "http://127.0.0.1:8080/tasks.git")]
    [InlineData("git://127.0.0.1:9418/tasks.git", "git://127.0.0.1:9418/tasks.git")]
    public void Parse_NetworkUrl_DisplayAndFetchUrlHaveNoUserInfo(string url, string expected)
    {
        var parsed = RemoteUrl.Parse(url);

        Assert.Equal(expected, parsed.Display);
        Assert.Equal(expected, parsed.FetchUrl);
        Assert.Null(parsed.LocalPath);
    }

    [Fact]
    public void Parse_UserInfo_BecomesCredentials()
    {
        var parsed = RemoteUrl.Parse("https://bot:p%40ss@github.com/acme/tasks.git");

        Assert.Equal("bot", parsed.UserName);
        Assert.Equal("p@ss", parsed.Password);
    }

    [Fact]
    public void Parse_LocalPathAndFileUrl_KnowTheirDirectory()
    {
        var path = Path.Combine(Path.GetTempPath(), "some", "remote.git");

        Assert.Equal(path, RemoteUrl.Parse(path).LocalPath);
        Assert.Equal(path, RemoteUrl.Parse(new Uri(path).AbsoluteUri).LocalPath);
        Assert.Equal(Path.GetFullPath("relative.git"), RemoteUrl.Parse("relative.git").LocalPath);
    }

    [Fact]
    public void CacheKey_SameRepositoryWithOrWithoutCredentials_IsTheSameFolder()
    {
        var plain = RemoteUrl.Parse("https://github.com/acme/tasks.git");
        var withToken = RemoteUrl.Parse("https://x:y@github.com/acme/tasks.git");
        var other = RemoteUrl.Parse("https://github.com/acme/other.git");

        Assert.Equal(plain.CacheKey, withToken.CacheKey);
        Assert.NotEqual(plain.CacheKey, other.CacheKey);
        Assert.Matches("^[0-9a-f]{16}$", plain.CacheKey);
    }

    [Theory]
    [InlineData("git@github.com:acme/tasks.git")]
    [InlineData("ssh://git@github.com/acme/tasks.git")]
    [InlineData("ftp://example.com/tasks.git")]
    [InlineData("https://user:secret@example.com/tasks.git?access_token=secret")]
    [InlineData("  ")]
    public void Parse_Unsupported_ThrowsWithoutEchoingSecrets(string url)
    {
        var error = Assert.Throws<ArgumentException>(() => RemoteUrl.Parse(url));

        Assert.DoesNotContain("user:secret", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Redact_RemovesUserInfoInsideText()
    {
        Assert.Equal(
            "failed to fetch https://github.com/a.git and http://h/x",
            RemoteUrl.Redact("failed to fetch https://tok:en@github.com/a.git and http://u@h/x"));
    }

    [Fact]
    public void OptionsToString_HidesUserInfo()
    {
        var options = new GitRepositorySourceOptions { Url = "https://x-access-token:ghp_secret@github.com/a.git", CacheDirectory = "/tmp/c" };

        Assert.DoesNotContain("ghp_secret", options.ToString(), StringComparison.Ordinal);
        Assert.Contains("https://github.com/a.git", options.ToString(), StringComparison.Ordinal);
    }
}
