namespace Reconciler.Benchmarks.SideBySide;

/// <summary>The commands compared at one size: the I/O floor, the two peer validators, and ours.</summary>
internal static class SideBySideTools
{
    private static readonly string[] PlanFormats = ["text", "json", "markdown", "github"];

    public const string Cat = "cat (I/O floor)";
    public const string Sourcemeta = "sourcemeta --fast";
    public const string Ajv = "ajv-cli 5";
    public const string Validate = "reconciler validate";
    public const string NativeValidate = "reconciler-validate (native)";
    public const string PlanEmpty = "reconciler plan (empty state)";
    public const string PlanFull = "reconciler plan (full state)";
    public const string NativePlanEmpty = "reconciler-plan (native, empty state)";
    public const string NativePlanFull = "reconciler-plan (native, full state)";

    public static IReadOnlyList<ToolCommand> ForTime(SideBySideOptions options, BenchCorpus corpus) =>
    [
        .. Peers(options, corpus),
        .. OursForTime(options, corpus, options.Reconciler, ""),
        .. options.Baseline is { } baseline ? OursForTime(options, corpus, baseline, " [baseline]") : [],
        .. options.NativeValidate is { } native ? [Ours(NativeValidate, options, [corpus.YamlDirectory]) with { Program = native }] : Array.Empty<ToolCommand>(),
        .. options.NativePlan is { } plan ? NativePlans(options, corpus, plan, "text") : [],
    ];

    /// <summary><c>reconciler-plan</c> against the empty and the full state, in one format.</summary>
    private static IReadOnlyList<ToolCommand> NativePlans(SideBySideOptions options, BenchCorpus corpus, string executable, string format) =>
    [
        Ours(format == "text" ? NativePlanEmpty : $"reconciler-plan --format {format} (native, empty state)", options, [corpus.YamlDirectory, "--state", corpus.EmptyStatePath, "--format", format]) with { Program = executable },
        Ours(format == "text" ? NativePlanFull : $"reconciler-plan --format {format} (native, full state)", options, [corpus.YamlDirectory, "--state", corpus.FullStatePath, "--format", format]) with { Program = executable },
    ];

    private static IReadOnlyList<ToolCommand> Peers(SideBySideOptions options, BenchCorpus corpus) =>
    [
        new(Cat, "/bin/sh", ["-c", "find \"$0\" -type f -name '*.yaml' -print0 | xargs -0 cat > /dev/null", corpus.YamlDirectory]),
        new(Sourcemeta, SourcemetaBinary(options), ["validate", Path.Combine(options.Schemas, "task.schema.json"), "--resolve", options.Schemas, "--fast", corpus.JsonDirectory]),
        new(Ajv, "node", AjvArguments(options, corpus)) { WorkingDirectory = options.Peers },
    ];

    /// <summary>Our three commands with one build (the measured one, or the baseline run beside it in the same rounds).</summary>
    private static IReadOnlyList<ToolCommand> OursForTime(SideBySideOptions options, BenchCorpus corpus, string executable, string suffix) =>
    [
        Ours(Validate + suffix, options, ["validate", corpus.YamlDirectory]) with { Program = executable },
        Ours(PlanEmpty + suffix, options, ["plan", corpus.YamlDirectory, "--state", corpus.EmptyStatePath]) with { Program = executable },
        Ours(PlanFull + suffix, options, ["plan", corpus.YamlDirectory, "--state", corpus.FullStatePath]) with { Program = executable },
    ];

    /// <summary>
    /// The same tasks written two ways, each command in pairs (plain manifests first, as the reference; then the set):
    /// the ratio of each pair is what a set costs over writing every task out.
    /// </summary>
    public static IReadOnlyList<ToolCommand> ForTaskSet(SideBySideOptions options, TaskSetCorpus corpus) =>
    [
        Ours("validate (plain manifests)", options, ["validate", corpus.PlainDirectory]) with { IsOurs = false },
        Ours("validate (one set, CSV items)", options, ["validate", corpus.SetDirectory]),
        Ours("plan, empty state (plain manifests)", options, ["plan", corpus.PlainDirectory, "--state", Path.Combine(corpus.Root, "no-state", "state.db")]) with { IsOurs = false },
        Ours("plan, empty state (one set, CSV items)", options, ["plan", corpus.SetDirectory, "--state", Path.Combine(corpus.Root, "no-state", "state.db")]),
    ];

    /// <summary>Every plan format, against an empty state (every task adopted: the largest output) and a full one.</summary>
    public static IReadOnlyList<ToolCommand> ForMemory(SideBySideOptions options, BenchCorpus corpus) =>
    [
        .. from state in new[] { ("empty", corpus.EmptyStatePath), ("full", corpus.FullStatePath) }
           from format in PlanFormats
           select Ours($"reconciler plan --format {format} ({state.Item1} state)", options, ["plan", corpus.YamlDirectory, "--state", state.Item2, "--format", format]),
        .. options.NativePlan is { } plan ? PlanFormats.SelectMany(format => NativePlans(options, corpus, plan, format)) : [],
    ];

    public static string SourcemetaBinary(SideBySideOptions options) =>
        Path.Combine(options.Peers, "node_modules", "@sourcemeta", "jsonschema", "build", "github-releases", "jsonschema-linux-x86_64");

    private static ToolCommand Ours(string name, SideBySideOptions options, IReadOnlyList<string> arguments) =>
        new(name, options.Reconciler, arguments)
        {
            IsOurs = true,

            // Plain output, as in CI logs: no terminal, no colour, no GitHub Actions extras.
            Environment = new Dictionary<string, string> { ["NO_COLOR"] = "1", ["GITHUB_ACTIONS"] = "false" },
        };

    private static List<string> AjvArguments(SideBySideOptions options, BenchCorpus corpus)
    {
        var schemas = corpus.AjvSchemaDirectory;
        return
        [
            Path.Combine(options.Peers, "node_modules", "ajv-cli", "dist", "index.js"),
            "validate",
            "--spec=draft2020",
            "--strict=false",
            "--errors=no",
            "-c", "ajv-formats",
            "-s", Path.Combine(schemas, "task.schema.json"),
            "-r", Path.Combine(schemas, "task-body-v2.schema.json"),
            "-r", Path.Combine(schemas, "task-body-v2-legacy.schema.json"),
            "-d", Path.Combine(corpus.JsonDirectory, "**", "*.json"),
        ];
    }
}
