using Reconciler.Cli.Tests.Hostile;
using Reconciler.Cli.Tests.Support;
using Reconciler.Cli.Tests.Validate;
using Reconciler.Testing;

namespace Reconciler.Cli.Tests.NativePlan;

/// <summary>
/// The shipped form of <c>reconciler-plan</c>: <c>dotnet publish</c> compiles it with native AOT (no JIT, no
/// reflection-based JSON, which would throw at run time there; SQLite as the native library beside it), and the
/// executable says exactly what <c>reconciler plan</c> says against no state, an applied state, an intent in doubt and a
/// file that is no state, in every format, with a token in a manifest, in GitHub Actions, and on the hostile corpus's
/// content and value cases. Slow: one publish (one to two minutes on two quiet cores), every check after it.
/// </summary>
[Trait("Category", "Slow")]
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class NativePlanPublishTests(NativePlanWorkspace work) : IClassFixture<NativePlanWorkspace>
{
    private const string Token = "tok-AOTPLAN+5ecret/d1stinct1ve=31f7";

    [NativeAotFact]
    public async Task Publish_NativeExecutable_SaysWhatTheCliSays()
    {
        using var build = new TestDirectory("native-plan-publish");
        var executable = await NativePublish.PublishAsync(build, "src/Reconciler.NativePlan", "reconciler-plan");
        Assert.True(File.Exists(Path.Combine(Path.GetDirectoryName(executable)!, "libe_sqlite3.so")), "SQLite's native library ships beside the executable");

        foreach (var args in new[]
        {
            "sample-repo", "sample-repo --state applied.db --detailed-exitcode", "edited --state applied.db", "edited --state applied.db --format json",
            "edited --state applied.db --format markdown", "edited --state applied.db --format github --list-grouped",
            "edited --state applied.db --target tasks/renewals/mobile-plan-upgrade.yaml", "edited --state applied.db --target no-such-task",
            "edited --state in-doubt.db", "edited --state not-a-state.db", "empty", "no-such-directory",
        })
        {
            await AssertSameAsync(executable, work.Path, new Dictionary<string, string>(), args.Split(' '));
        }

        var actions = new Dictionary<string, string> { ["GITHUB_ACTIONS"] = "true", ["GITHUB_STEP_SUMMARY"] = build.Combine("summary.md") };
        var inActions = await AssertSameAsync(executable, work.Path, actions, ["edited", "--state", "applied.db"]);
        Assert.Contains("::error file=edited/", inActions.Out, StringComparison.Ordinal);

        work.WriteTokenCopy(Token);
        var withToken = await AssertSameAsync(executable, work.Path, new Dictionary<string, string> { ["RECONCILER_API_TOKEN"] = Token }, ["with-token", "--state", "applied.db"]);
        Assert.Contains("holds a configured API or GitHub token", withToken.Out + withToken.Error, StringComparison.Ordinal);
        SecretAssert.NotPrinted(Token, withToken);

        // Invalid YAML, schema and rule errors, TaskSets and hostile text in every shape the corpus has: the paths of the
        // native build that reflection or trimming could break are the ones that report problems.
        foreach (var item in ContentCases.All().Concat(ValueCases.All()).Where(c => !c.NeedsRoot && !c.Unprivileged))
        {
            using var repo = new HostileRepo();
            item.Arrange(repo);
            await AssertSameAsync(executable, repo.WorkingDirectory, item.Environment, ["repo", "--format", "json"]);
            await AssertSameAsync(executable, repo.WorkingDirectory, item.Environment, ["repo"]);
        }
    }

    private static async Task<CliResult> AssertSameAsync(string executable, string workingDirectory, IReadOnlyDictionary<string, string> environment, string[] args)
    {
        var cli = await InProcessCli.RunAsync(workingDirectory, environment, ["plan", .. args]);
        var native = await ReconcilerProcess.RunExecutableAsync(executable, workingDirectory, environment, args);
        NativePlan.AssertSame(cli, native);
        return native;
    }
}
