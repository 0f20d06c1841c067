using System.Text;
using Reconciler.Cli.Tests.Support;
using Reconciler.Core.Manifests;

namespace Reconciler.Cli.Tests.Commands;

/// <summary>A configured token pasted into a manifest is flagged where it is and never printed, in any form.</summary>
public sealed class ManifestSecretTests : IDisposable
{
    private const string Token = "tok-MANIFEST+5ecret/d1stinct1ve=9f3b";
    private static readonly TaskIdentity Identity = new("5832d184-dd53-42a0-8ace-0bf8d660f4cc", "f232d184-dd54-42a0-8ace-0bf8d660f4cc");
    private readonly TestDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    public static TheoryData<string, string> Configurations() => new()
    {
        { "RECONCILER_API_TOKEN", Token },
        { "RECONCILER_API_TOKEN__5832D184_DD53_42A0_8ACE_0BF8D660F4CC", Token },
        { "GITHUB_TOKEN", Token },
    };

    [Theory]
    [MemberData(nameof(Configurations))]
    public async Task Plan_ManifestHoldsAConfiguredToken_WarnsAtTheFieldAndNeverPrintsIt(string variable, string value)
    {
        Write(Token);

        var result = await InProcessCli.RunAsync(_directory.Path, new Dictionary<string, string> { [variable] = value }, ["plan", "tasks", "--state", "state.db"]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("tasks/a.yaml:15:11: warning: this value holds a configured API or GitHub token (value not shown)", result.Out, StringComparison.Ordinal);
        Assert.Contains("(/spec/remark)", result.Out, StringComparison.Ordinal);
        SecretAssert.NotPrinted(Token, result);
    }

    [Theory]
    [InlineData("url-encoded")]
    [InlineData("base64")]
    public async Task Plan_ManifestHoldsAnEncodedToken_IsFlaggedToo(string form)
    {
        Write(form == "base64" ? Convert.ToBase64String(Encoding.UTF8.GetBytes(Token)) : Uri.EscapeDataString(Token).ToLowerInvariant());

        var result = await InProcessCli.RunAsync(_directory.Path, new Dictionary<string, string> { ["RECONCILER_API_TOKEN"] = Token }, ["validate", "tasks"]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("warning: this value holds a configured API or GitHub token", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plan_TokensFileValue_IsFlagged()
    {
        var file = _directory.Write("secrets/tokens", $"# accounts\n{Identity.UserId}={Token}\n");
        Write(Token);

        var result = await InProcessCli.RunAsync(_directory.Path, new Dictionary<string, string> { ["RECONCILER_API_TOKENS_FILE"] = file }, ["validate", "tasks"]);

        Assert.Contains("holds a configured API or GitHub token", result.Error, StringComparison.Ordinal);
        SecretAssert.NotPrinted(Token, result);
    }

    private void Write(string remark) => _directory.Write("tasks/a.yaml", TaskYaml.Manifest(Identity, "{}").Replace("spec: {}", $$"""
        spec:
          name: 任务
          destination_extension: 1
          maximumcall: 1
          dial_time_id: 1
          task_extras:
            start_time: "2026-12-23 19:00:00"
            stop_time: "2027-12-25 23:59:59"
            pop_mode: 1
          remark: "{{remark}}"
        """, StringComparison.Ordinal));
}
