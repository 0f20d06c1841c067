extern alias nativeplan;

using Reconciler.Cli.Commands;
using Reconciler.Cli.Tests.Hostile;
using Reconciler.Cli.Tests.Support;

namespace Reconciler.Cli.Tests.NativePlan;

/// <summary>
/// <c>reconciler-plan</c> says exactly what <c>reconciler plan</c> says (every byte of stdout and stderr, and the exit
/// code) against no state, an applied state, a state with an intent in doubt and a file that is no state, after edits,
/// deletions and broken manifests, in every format, with targets, globs and GitHub Actions' files, with a token in a
/// manifest, and on every case of the hostile corpus.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")] // the hostile corpus builds Linux file systems
public sealed class NativePlanTests(NativePlanWorkspace work) : IClassFixture<NativePlanWorkspace>
{
    private const string Token = "tok-NATIVEPLAN+5ecret/d1stinct1ve=9b2e";

    /// <summary>Arguments, split at spaces; the workspace's states and directories are described in <see cref="NativePlanWorkspace"/>.</summary>
    public static TheoryData<string> Inputs() => new()
    {
        "sample-repo",
        "./sample-repo/ --state applied.db",
        "sample-repo --state applied.db --detailed-exitcode",
        "edited --state applied.db",
        "edited --state sqlite:applied.db --format json",
        "edited --state=applied.db --format=markdown",
        "edited --state applied.db --format github",
        "edited --state applied.db --format TEXT --list-grouped",
        "edited --state applied.db --detailed-exitcode",
        "edited --state applied.db --detailed-exitcode false",
        "edited --state applied.db --target edited/tasks/renewals/mobile-plan-upgrade.yaml",
        "edited --state applied.db --target tasks/surveys/nps-quarterly.yaml --target no-such-task",
        "edited --state applied.db --include tasks/renewals/*.yaml",
        "edited --state applied.db --exclude tasks/**",
        "edited --state in-doubt.db",
        "edited --state not-a-state.db",
        "sample-repo --state no-such-dir/state.db",
        "empty --state applied.db",
        "no-such-directory",
        "sample-repo/tasks/renewals/mobile-plan-upgrade.yaml",
    };

    [Theory]
    [MemberData(nameof(Inputs))]
    public async Task Plan_SameInput_SameOutputAndExitCode(string args)
    {
        var (cli, native) = await NativePlan.BothAsync(work.Path, null, args.Split(' '));

        NativePlan.AssertSame(cli, native);
    }

    [Fact]
    public async Task Plan_NoDirectory_PlansTheWorkingDirectoryAgainstTheDefaultState()
    {
        var (cli, native) = await NativePlan.BothAsync(work.Combine("sample-repo"), null);

        Assert.Equal(0, native.ExitCode);
        Assert.Contains("18 to adopt", native.Out, StringComparison.Ordinal);
        NativePlan.AssertSame(cli, native);
    }

    [Fact]
    public async Task Plan_InGitHubActions_WritesTheSameAnnotationsAndStepSummary()
    {
        var environment = new Dictionary<string, string> { ["GITHUB_ACTIONS"] = "true", ["GITHUB_STEP_SUMMARY"] = work.Combine("summary-cli.md") };
        var cli = await InProcessCli.RunAsync(work.Path, environment, ["plan", "edited", "--state", "applied.db"]);
        environment["GITHUB_STEP_SUMMARY"] = work.Combine("summary-native.md");
        var native = await NativePlan.RunAsync(work.Path, environment, ["edited", "--state", "applied.db"]);

        NativePlan.AssertSame(cli, native);
        Assert.Contains("::error file=edited/", native.Out, StringComparison.Ordinal);
        Assert.Equal(File.ReadAllText(work.Combine("summary-cli.md")), File.ReadAllText(work.Combine("summary-native.md")));
    }

    [Fact]
    public async Task Plan_ManifestHoldsAConfiguredToken_WarnsAndNeverPrintsIt()
    {
        var environment = new Dictionary<string, string> { ["RECONCILER_API_TOKEN"] = Token };
        work.WriteTokenCopy(Token);

        foreach (var format in new[] { "text", "json", "markdown" })
        {
            var (cli, native) = await NativePlan.BothAsync(work.Path, environment, "with-token", "--state", "applied.db", "--format", format);

            NativePlan.AssertSame(cli, native);
            Assert.Contains("holds a configured API or GitHub token", native.Out + native.Error, StringComparison.Ordinal);
            SecretAssert.NotPrinted(Token, native);
        }
    }

    public static TheoryData<string> HostileCases() => HostileCorpus.Names(() => HostileCorpus.All);

    [Theory]
    [MemberData(nameof(HostileCases))]
    public async Task Plan_HostileRepository_SameOutputAndExitCode(string name)
    {
        var item = HostileCorpus.All.Single(c => c.Name == name);
        using var repo = new HostileRepo();
        item.Arrange(repo);

        var (cli, native) = await NativePlan.BothAsync(repo.WorkingDirectory, item.Environment, "repo", "--format", "json");
        var (cliText, nativeText) = await NativePlan.BothAsync(repo.WorkingDirectory, item.Environment, "repo");

        NativePlan.AssertSame(cli, native);
        NativePlan.AssertSame(cliText, nativeText);
    }

    [Fact]
    public void DefaultState_IsTheCliDefault() => Assert.Equal(StateOptions.DefaultPath, nativeplan::Reconciler.NativePlan.PlanArguments.DefaultState);

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    [InlineData("--version")]
    public async Task Plan_HelpAndVersion_ExitZero(string option)
    {
        var result = await NativePlan.RunAsync(work.Path, null, [option]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.NotEmpty(result.Out.Trim());
    }

    [Theory]
    [InlineData("--bogus")]
    [InlineData("--format", "yaml")]
    [InlineData("--format", "1")]
    [InlineData("--state")]
    [InlineData("--state", "a.db", "--state", "b.db")]
    [InlineData("one", "two")]
    [InlineData("--refresh")]
    [InlineData("--base", "origin/main")]
    [InlineData("--repo", "https://example.invalid/x.git")]
    [InlineData("--out", "plan.out")]
    [InlineData("--github-repo", "acme/tasks", "--pr", "1")]
    [InlineData("--simulator")]
    public async Task Plan_UsageError_SaysWhatAndExitsOne(params string[] args)
    {
        var result = await NativePlan.RunAsync(work.Path, null, args);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.StartsWith("reconciler-plan: ", result.Error, StringComparison.Ordinal);
        Assert.Contains("reconciler-plan --help", result.Error, StringComparison.Ordinal);
        Assert.Empty(result.Out);
    }

    [Theory]
    [InlineData("postgres://reconciler@127.0.0.1:1/tasks")]
    [InlineData("Host=127.0.0.1;Port=1;Database=tasks")]
    [InlineData("  server = 127.0.0.1 ; database=tasks")]
    public async Task Plan_PostgresState_IsRefusedNeverTakenForAFile(string spec)
    {
        var result = await NativePlan.RunAsync(work.Path, null, ["sample-repo", "--state", spec]);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("PostgreSQL", result.Error, StringComparison.Ordinal);
        Assert.Contains("reconciler plan", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("adopt", result.Out + result.Error, StringComparison.Ordinal);
    }
}
