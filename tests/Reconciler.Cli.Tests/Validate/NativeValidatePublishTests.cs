using Reconciler.Cli.Tests.Hostile;
using Reconciler.Cli.Tests.Support;
using Reconciler.Testing;

namespace Reconciler.Cli.Tests.Validate;

/// <summary>
/// The shipped form of <c>reconciler-validate</c>: <c>dotnet publish</c> compiles it with native AOT (no JIT, no
/// reflection-based JSON, which would throw at run time there), and the executable says exactly what
/// <c>reconciler validate</c> says on the sample repository, one file, both formats, a token in a manifest and the
/// hostile corpus's content cases. Slow: one publish (about a minute on two quiet cores), every check after it.
/// </summary>
[Trait("Category", "Slow")]
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class NativeValidatePublishTests
{
    private const string Token = "tok-AOT+5ecret/d1stinct1ve=77e0";

    [NativeAotFact]
    public async Task Publish_NativeExecutable_SaysWhatTheCliSays()
    {
        using var work = new TestDirectory("native-validate");
        var executable = await NativePublish.PublishAsync(work, "src/Reconciler.Validate", "reconciler-validate");

        work.CopyFromOutput("sample-repo");
        Directory.CreateDirectory(work.Combine("empty"));
        foreach (var args in new[] { "sample-repo", "sample-repo/tasks/renewals/mobile-plan-upgrade.yaml", "sample-repo --format json", "empty", "no-such-directory" })
        {
            await AssertSameAsync(executable, work.Path, new Dictionary<string, string>(), args.Split(' '));
        }

        var file = work.Combine("sample-repo/tasks/renewals/mobile-plan-upgrade.yaml");
        File.WriteAllText(file, File.ReadAllText(file).Replace("remark: 宁波分公司存量用户升档", $"remark: \"{Token}\"", StringComparison.Ordinal));
        var native = await AssertSameAsync(executable, work.Path, new Dictionary<string, string> { ["RECONCILER_API_TOKEN"] = Token }, ["sample-repo"]);
        Assert.Contains("holds a configured API or GitHub token", native.Error, StringComparison.Ordinal);
        SecretAssert.NotPrinted(Token, native);

        // Invalid YAML, schema and rule errors, TaskSets and hostile text in every shape the corpus has: the paths of the
        // native build that reflection or trimming could break are the ones that report problems.
        foreach (var item in ContentCases.All().Concat(ValueCases.All()).Where(c => !c.NeedsRoot && !c.Unprivileged))
        {
            using var repo = new HostileRepo();
            item.Arrange(repo);
            await AssertSameAsync(executable, repo.WorkingDirectory, item.Environment, ["repo"]);
        }
    }

    private static async Task<CliResult> AssertSameAsync(string executable, string workingDirectory, IReadOnlyDictionary<string, string> environment, string[] args)
    {
        var cli = await InProcessCli.RunAsync(workingDirectory, environment, ["validate", .. args]);
        var native = await ReconcilerProcess.RunExecutableAsync(executable, workingDirectory, environment, args);
        NativeValidate.AssertSame(cli, native);
        return native;
    }
}
