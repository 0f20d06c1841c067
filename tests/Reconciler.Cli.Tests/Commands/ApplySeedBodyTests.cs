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
            // 新版 C++ is refused by our validation (see the test below); the other 13 must round-trip.
            foreach (var language in Languages.Where(l => flavour == "v2-legacy" || l != "cpp"))
            {
                data.Add(flavour, language);
            }
        }

        return data;
    }

    [Fact]
    public async Task Apply_SeedCppV2Example_IsRefusedByValidationAndNeverSent()
    {
        // The document's C++ example says is_group_switch 1 (script group by time) but sends no
        // destination_extension_list; our rule refuses that, the simulator (like, presumably, the platform) does not.
        var seed = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "testdata", "seed-bodies", "v2", "cpp.json"));
        using var work = new ApplyWorkspace(simulator);
        var identity = work.AddTask("cpp.yaml", seed);

        var result = await work.ApplyAsync();

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains(
            "manifests/tasks/cpp.yaml:6:106: error: is_group_switch 1 (按时间配置) needs task_extras.destination_extension_list with at least one time window (/spec/is_group_switch)",
            result.Out + result.Error,
            StringComparison.Ordinal);
        Assert.Equal(0, work.Task(identity).PutCount);
        Assert.Empty(await work.StateAsync());

        using var http = new HttpClient { BaseAddress = simulator.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Put, $"agent-api/new/user/{identity.UserId}/task/{identity.TaskId}")
        {
            Content = new StringContent(seed, System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new("Bearer", work.Account.Token);
        using var direct = await http.SendAsync(request);
        Assert.Contains("\"code\":200", await direct.Content.ReadAsStringAsync(), StringComparison.Ordinal);
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
