using Reconciler.Cli.Tests.Hostile;
using Reconciler.Cli.Tests.Support;

namespace Reconciler.Cli.Tests.Validate;

/// <summary>
/// <c>reconciler-validate</c> says exactly what <c>reconciler validate</c> says (every byte of stdout and stderr, and the
/// exit code) on the sample repository, on one file, in both formats, with globs, on missing and empty directories, with
/// a token in a manifest, and on every case of the hostile corpus.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")] // the hostile corpus builds Linux file systems
public sealed class NativeValidateTests : IDisposable
{
    private const string Token = "tok-NATIVE+5ecret/d1stinct1ve=4c1d";
    private readonly TestDirectory _directory = new();

    public NativeValidateTests()
    {
        _directory.CopyFromOutput("sample-repo");
        Directory.CreateDirectory(_directory.Combine("empty"));
    }

    public void Dispose() => _directory.Dispose();

    /// <summary>Arguments, split at spaces.</summary>
    public static TheoryData<string> Inputs() => new()
    {
        "sample-repo",
        "./sample-repo/",
        "sample-repo/tasks/renewals/mobile-plan-upgrade.yaml",
        "sample-repo --format json",
        "sample-repo --format=json",
        "sample-repo --include tasks/renewals/*.yaml",
        "sample-repo --include nothing/*.yaml",
        "sample-repo --exclude tasks/renewals/**",
        "empty",
        "empty --format json",
        "no-such-directory",
    };

    [Theory]
    [MemberData(nameof(Inputs))]
    public async Task Validate_SameInput_SameOutputAndExitCode(string args)
    {
        var (cli, native) = await NativeValidate.BothAsync(_directory.Path, null, args.Split(' '));

        NativeValidate.AssertSame(cli, native);
    }

    [Fact]
    public async Task Validate_NoPath_ReadsTheWorkingDirectory()
    {
        var (cli, native) = await NativeValidate.BothAsync(_directory.Combine("sample-repo"), null);

        Assert.Equal(0, native.ExitCode);
        NativeValidate.AssertSame(cli, native);
    }

    [Fact]
    public async Task Validate_ManifestHoldsAConfiguredToken_WarnsAndNeverPrintsIt()
    {
        var file = _directory.Combine("sample-repo/tasks/renewals/mobile-plan-upgrade.yaml");
        File.WriteAllText(file, File.ReadAllText(file).Replace("remark: 宁波分公司存量用户升档", $"remark: \"{Token}\"", StringComparison.Ordinal));
        var environment = new Dictionary<string, string> { ["RECONCILER_API_TOKEN"] = Token };

        var (cli, native) = await NativeValidate.BothAsync(_directory.Path, environment, "sample-repo", "--format", "json");
        var (cliText, nativeText) = await NativeValidate.BothAsync(_directory.Path, environment, "sample-repo");

        NativeValidate.AssertSame(cli, native);
        NativeValidate.AssertSame(cliText, nativeText);
        Assert.Contains("holds a configured API or GitHub token", nativeText.Error, StringComparison.Ordinal);
        SecretAssert.NotPrinted(Token, native);
        SecretAssert.NotPrinted(Token, nativeText);
    }

    public static TheoryData<string> HostileCases() => HostileCorpus.Names(() => HostileCorpus.All);

    [Theory]
    [MemberData(nameof(HostileCases))]
    public async Task Validate_HostileRepository_SameOutputAndExitCode(string name)
    {
        var item = HostileCorpus.All.Single(c => c.Name == name);
        using var repo = new HostileRepo();
        item.Arrange(repo);

        var (cli, native) = await NativeValidate.BothAsync(repo.WorkingDirectory, item.Environment, "repo");

        NativeValidate.AssertSame(cli, native);
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("--version")]
    public async Task Validate_HelpAndVersion_ExitZero(string option)
    {
        var result = await NativeValidate.RunAsync(_directory.Path, null, [option]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.NotEmpty(result.Out.Trim());
    }

    [Theory]
    [InlineData("--bogus")]
    [InlineData("--format", "yaml")]
    [InlineData("--format")]
    [InlineData("one", "two")]
    [InlineData("--repo", "https://example.invalid/x.git")]
    public async Task Validate_UsageError_SaysWhatAndExitsOne(params string[] args)
    {
        var result = await NativeValidate.RunAsync(_directory.Path, null, args);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.StartsWith("reconciler-validate: ", result.Error, StringComparison.Ordinal);
        Assert.Contains("reconciler-validate --help", result.Error, StringComparison.Ordinal);
        Assert.Empty(result.Out);
    }
}
