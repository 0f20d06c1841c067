using System.Net;
using Reconciler.Service.Configuration;
using Reconciler.Testing.Git;
using Xunit;

namespace Reconciler.Service.Tests.Units;

public sealed class ServiceConfigurationTests
{
    [Fact]
    public void Read_Defaults_AreTheDocumentedOnes()
    {
        var options = Read(new() { ["Repo"] = "https://github.com/acme/tasks.git" });

        Assert.Equal(("main", TimeSpan.FromSeconds(60), 0.1, TimeSpan.FromMinutes(5)), (options.Branch, options.Interval, options.Jitter, options.Resync));
        Assert.Equal((TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(10), 4, TimeSpan.FromSeconds(25)), (options.RetryBase, options.RetryMax, options.Parallelism, options.GracePeriod));
        Assert.Equal(new IPEndPoint(IPAddress.Loopback, 8080), options.Listen);
        Assert.Equal(new Uri("https://ai.api.longlonglong.cn"), options.ApiUrl);
        Assert.Equal(Path.GetFullPath("/work/.reconciler/state.db"), options.StatePath);
        Assert.Equal(Path.GetFullPath("/work/.reconciler/git-cache"), options.CacheDirectory);
        Assert.Null(options.SyncWindows);
        Assert.True(options.RunningCheck);
        Assert.Null(options.MaxRps);
    }

    [Fact]
    public void Read_MaxRps_IsTheProcessRequestRate() =>
        Assert.Equal(2.5, Read(new() { ["Repo"] = "/srv/git/tasks.git", ["MaxRps"] = "2.5" }).MaxRps);

    [Fact]
    public void Build_FlagsWinOverEnvironmentWhichWinsOverTheFile()
    {
        using var directory = new TestDirectory("config");
        var file = directory.Combine("config.json");
        File.WriteAllText(file, """{ "Reconciler": { "Repo": "/srv/git/tasks.git", "Interval": "5m", "Branch": "prod", "Parallelism": 8 } }""");
        var environment = new Dictionary<string, string?> { ["RECONCILER_INTERVAL"] = "2m", ["RECONCILER_BRANCH"] = "staging" };

        var configuration = ServiceConfiguration.Build(new Dictionary<string, string?> { ["Branch"] = "main" }, file, environment.GetValueOrDefault);
        var options = ServiceOptionsReader.Read(configuration, "/work");

        Assert.Equal(("/srv/git/tasks.git", TimeSpan.FromMinutes(2), "main", 8), (options.Repo, options.Interval, options.Branch, options.Parallelism));
    }

    [Fact]
    public void Build_UnknownKeyInTheFile_IsRefusedByName()
    {
        using var directory = new TestDirectory("config");
        var file = directory.Combine("config.json");
        File.WriteAllText(file, """{ "Reconciler": { "Repo": "/srv/git/tasks.git", "Intervall": "5m" } }""");

        var error = Assert.Throws<ServiceSetupException>(() => ServiceConfiguration.Build(new Dictionary<string, string?>(), file, _ => null));

        Assert.Contains("Reconciler:Intervall", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Interval", "6x", "Interval (--interval / RECONCILER_INTERVAL / Reconciler:Interval): '6x' is not a duration")]
    [InlineData("Listen", "8080", "'8080' is not ADDRESS:PORT")]
    [InlineData("ApiUrl", "http://api.example.com", "https")]
    [InlineData("SyncWindow", "10pm-7am", "HH:MM-HH:MM")]
    [InlineData("TimeZone", "Mars/Olympus", "unknown time zone")]
    [InlineData("Jitter", "2", "from 0 to 1")]
    [InlineData("GitHubRepo", "acme", "OWNER/NAME")]
    [InlineData("MaxRps", "0", "MaxRps (--max-rps / RECONCILER_MAX_RPS / Reconciler:MaxRps): '0' must be a number from 0.1 to 10000")]
    public void Read_BadValue_NamesEveryWayToSetIt(string key, string value, string expected)
    {
        var error = Assert.Throws<ServiceSetupException>(() => Read(new() { ["Repo"] = "/srv/git/tasks.git", [key] = value }));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_NoRepo_SaysItIsRequired() =>
        Assert.Contains("RECONCILER_REPO", Assert.Throws<ServiceSetupException>(() => Read([])).Message, StringComparison.Ordinal);

    [Theory]
    [InlineData("GitHubApiUrl", "--github-api-url", "RECONCILER_GITHUB_API_URL")]
    [InlineData("RetryBase", "--retry-base", "RECONCILER_RETRY_BASE")]
    [InlineData("ApiUrl", "--api-url", "RECONCILER_API_URL")]
    public void Setting_NamesFollowOneRule(string key, string flag, string variable)
    {
        var setting = ServiceSettings.All.Single(s => s.Key == key);

        Assert.Equal((flag, variable), (setting.Flag, setting.EnvironmentVariable));
    }

    [Fact]
    public void Docs_ServiceReference_ListsEverySettingWithItsFlagVariableAndDefault()
    {
        var docs = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "service.md"));

        Assert.All(ServiceSettings.All, s => Assert.Contains($"| `{s.Flag}` | `{s.Key}` | `{s.EnvironmentVariable}` | {s.Default} |", docs, StringComparison.Ordinal));
    }

    [Fact]
    public void Options_PrintNoCredentialOfTheRepositoryUrl() =>
        Assert.DoesNotContain("ghp_s3cret", Read(new() { ["Repo"] = "https://x-access-token:ghp_s3cret@github.com/acme/tasks.git" }).ToString(), StringComparison.Ordinal);

    [Fact]
    public void Secrets_PrintNoValue() =>
        Assert.DoesNotContain("s3cret", new ServiceSecrets("s3cret"u8.ToArray(), "ghp_s3cret").ToString(), StringComparison.Ordinal);

    private static ServiceOptions Read(Dictionary<string, string?> flags) =>
        ServiceOptionsReader.Read(ServiceConfiguration.Build(flags, null, _ => null), "/work");

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Reconciler.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Reconciler.sln not found above the test output");
    }
}
