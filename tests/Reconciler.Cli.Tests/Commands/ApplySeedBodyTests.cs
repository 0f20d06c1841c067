using System.Text.Json.Nodes;
using Reconciler.Cli.Tests.Support;
using Reconciler.Core.Manifests;
using Reconciler.Core.Normalization;
using Reconciler.Testing.Simulator;
using TaskApi.Simulator;

namespace Reconciler.Cli.Tests.Commands;

/// <summary>
/// Each of the API document's 14 request examples (testdata/seed-bodies, verbatim), written as a manifest's
/// <c>spec</c>, reaches the simulator as exactly that body after normalization.
/// </summary>
public sealed class ApplySeedBodyTests(SimulatorFixture simulator) : IClassFixture<SimulatorFixture>
{
    private static readonly string[] Languages = ["curl", "go", "javascript", "java", "php", "python", "cpp"];

    public static TheoryData<string, string> Seeds()
    {
        var data = new TheoryData<string, string>();
        foreach (var flavour in new[] { "v2", "v2-legacy" })
        {
            // All 14, including 新版 C++, which sets is_group_switch 1 without a time list (a warning, not an error).
            foreach (var language in Languages)
            {
                data.Add(flavour, language);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public async Task Apply_SeedExampleBody_IsStoredExactlyAsNormalized(string flavour, string language)
    {
        var seed = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "testdata", "seed-bodies", flavour, language + ".json"));
        var legacy = flavour == "v2-legacy";
        using var work = new ApplyWorkspace(simulator);
        var identity = work.AddTask($"{language}.yaml", seed, flavour: legacy ? TaskFlavour.V2Legacy : TaskFlavour.V2);

        var result = await work.ApplyAsync();

        Assert.True(result.ExitCode == 0, result.ToString());
        var stored = work.Task(identity).Body!;
        Assert.Equal(work.Desired(identity).Body.Json, stored);
        Assert.Equal(legacy ? ApiFlavour.V2Legacy : ApiFlavour.V2, work.Desired(identity).Flavour);
        // Normalization only sorts keys here: every example already sends line and holiday.
        Assert.Equal(CanonicalBody.FromJson(seed).Json, stored);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(seed), JsonNode.Parse(stored)), stored);
        Assert.Contains("\"name\":\"测试api接口创建-222\"", stored, StringComparison.Ordinal);
    }
}
