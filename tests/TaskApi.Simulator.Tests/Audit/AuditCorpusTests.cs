using System.Text.Json.Nodes;
using Reconciler.Core.Manifests;
using Reconciler.Core.Normalization;
using Reconciler.Core.Validation;
using Reconciler.Testing.Simulator;
using TaskApi.Simulator.Api;
using TaskApi.Simulator.Tests.Support;
using Xunit.Abstractions;

namespace TaskApi.Simulator.Tests.Audit;

/// <summary>
/// The reconciler and the simulator, written separately, judge the same bodies: each body once as a manifest (the
/// reconciler's verdict) and once as a PUT to the simulator. They must agree, except where the simulator README
/// names the difference ("Where the reconciler is deliberately stricter").
/// </summary>
public sealed class AuditCorpusTests(SimulatorFixture sim, ITestOutputHelper output) : IClassFixture<SimulatorFixture>, IDisposable
{
    private const string UserId = "5832d184-dd53-42a0-8ace-0bf8d660f4cc";
    private readonly SimulatorClient _client = new(sim.BaseAddress);
    private readonly SimulatorAccount _account = sim.CreateAccount();

    public void Dispose() => _client.Dispose();

    /// <summary>
    /// The document's own examples and the hand-written cases (rules across fields, rules only one side has) are judged
    /// here; the README's figures and difference rows are checked for the whole corpus, mutations included.
    /// </summary>
    [Fact]
    public async Task Corpus_DocumentExamplesAndHandWrittenCases_MatchAndTheReadmeDescribesTheWholeCorpus()
    {
        var readme = Readme();
        var all = AuditCases.All().Concat(SeedBodyCases()).Concat(DocumentMutations.All()).ToList();
        Assert.Empty(all.GroupBy(c => c.Id).Where(g => g.Count() > 1).Select(g => g.Key));
        Assert.Empty(all.Where(c => c.Difference is { } key && !readme.Contains($"| `{key}` |", StringComparison.Ordinal))
            .Select(c => $"{c.Id}: difference `{c.Difference}` is not a row of the tables in src/TaskApi.Simulator/README.md"));
        var counts = AuditCounts.Of(all);
        output.WriteLine(counts.Sentence);
        Assert.Contains(counts.Sentence, readme, StringComparison.Ordinal);

        await JudgeAllAsync(AuditCases.All().Concat(SeedBodyCases()).ToList(), readme);
    }

    /// <summary>One-field mutations of every documented field, both flavours (some 800 bodies, each planned and PUT).</summary>
    [Trait("Category", "Slow")]
    [Fact]
    public Task Corpus_OneFieldMutationsOfEveryDocumentedField_MatchOrDifferAsTheReadmeSays() =>
        JudgeAllAsync(DocumentMutations.All().ToList(), Readme());

    private static string Readme() => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "simulator-README.md"));

    private async Task JudgeAllAsync(IReadOnlyList<AuditCase> cases, string readme)
    {
        var wrong = new System.Collections.Concurrent.ConcurrentQueue<string>();
        await Parallel.ForEachAsync(cases, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (item, _) =>
        {
            foreach (var problem in await JudgeAsync(item, readme))
            {
                wrong.Enqueue(problem);
            }
        });

        Assert.True(wrong.IsEmpty, $"{wrong.Count} of {cases.Count} cases:\n" + string.Join("\n", wrong));
    }

    /// <summary>What is wrong with one case: a verdict other than expected, or a difference the README does not name.</summary>
    private async Task<IReadOnlyList<string>> JudgeAsync(AuditCase item, string readme)
    {
        var spec = JsonNode.Parse(item.Base ?? (item.Flavour == ApiFlavour.V2 ? AuditCases.V2Base : AuditCases.LegacyBase))!.AsObject();
        try
        {
            item.Edit(spec);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or NullReferenceException)
        {
            return [$"{item.Id}: the edit does not fit the body ({e.Message})"];
        }

        var problems = new List<string>();
        var actual = Verdict(Reconciles(item, spec), await SimulatorAcceptsAsync(item, spec));
        if (actual != item.Expected)
        {
            problems.Add($"{item.Id}: expected {item.Expected}, got {actual}");
        }

        if (item.Difference is { } key && !readme.Contains($"| `{key}` |", StringComparison.Ordinal))
        {
            problems.Add($"{item.Id}: difference `{key}` is not a row of the tables in src/TaskApi.Simulator/README.md");
        }

        return problems;
    }

    private static AuditVerdict Verdict(bool reconciler, bool simulator) => (reconciler, simulator) switch
    {
        (true, true) => AuditVerdict.BothAccept,
        (false, false) => AuditVerdict.BothRefuse,
        (false, true) => AuditVerdict.ReconcilerStricter,
        _ => AuditVerdict.SimulatorStricter,
    };

    private static bool Reconciles(AuditCase item, JsonObject spec)
    {
        var manifest = $"apiVersion: {item.Flavour.ToApiVersion()}\nkind: Task\nmetadata:\n  user_id: {UserId}\n  task_id: audit\nspec: {spec.ToJsonString()}\n";
        var evaluation = new ManifestEvaluator().Evaluate(ManifestFile.FromText("audit.yaml", manifest));
        return evaluation.Invalid.Count == 0 && evaluation.Tasks.Count == 1;
    }

    private async Task<bool> SimulatorAcceptsAsync(AuditCase item, JsonObject spec)
    {
        foreach (var (line, residue) in item.Residues)
        {
            sim.State.Lines.Set(line, residue);
        }

        // The body the reconciler would send (line and holiday added when absent), whatever its verdict.
        var body = BodyNormalizer.Normalize((JsonObject)spec.DeepClone(), null).Json;
        var task = sim.CreateTask(_account, item.Flavour == ApiFlavour.V2 ? TaskFlavour.V2 : TaskFlavour.V2Legacy);
        var answer = await _client.PutTaskAsync(task, body, _account.Token);
        return answer.Code == ApiCodes.Success;
    }

    /// <summary>The document's own request examples (14 bodies): both sides must accept every one.</summary>
    private static IEnumerable<AuditCase> SeedBodyCases()
    {
        foreach (var (folder, flavour) in new[] { ("v2", ApiFlavour.V2), ("v2-legacy", ApiFlavour.V2Legacy) })
        {
            foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "testdata", "seed-bodies", folder)).Order(StringComparer.Ordinal))
            {
                var text = File.ReadAllText(file);
                yield return new AuditCase($"document example {folder}/{Path.GetFileName(file)}", flavour, body =>
                {
                    body.Clear();
                    foreach (var (key, value) in JsonNode.Parse(text)!.AsObject())
                    {
                        body[key] = value?.DeepClone();
                    }
                }, AuditVerdict.BothAccept);
            }
        }
    }
}
