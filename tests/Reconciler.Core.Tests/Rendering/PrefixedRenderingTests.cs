using System.Globalization;
using Reconciler.Core.Diagnostics;
using Reconciler.Core.Planning;
using Reconciler.Core.Rendering;

namespace Reconciler.Core.Tests.Rendering;

/// <summary>
/// Renderers write the display prefix before each path as they go, instead of the CLI copying the plan with prefixed
/// paths first (100,000 entries held twice). Every format gives exactly the text the copy gave (<see cref="CopiedDisplayPaths"/>):
/// every action, groups, documents without identity, policy problems, and file names and prefixes that need escaping.
/// </summary>
public sealed class PrefixedRenderingTests
{
    public static TheoryData<string, string> Cases()
    {
        var cases = new TheoryData<string, string>();
        foreach (var plan in Plans.Keys)
        {
            foreach (var prefix in new[] { "", "repo/", "../ops repo/", "we\u202Eird\n|`*<b>/" })
            {
                cases.Add(plan, prefix);
            }
        }

        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Text_PrefixWrittenAsItGoes_IsTheTextOfThePrefixedCopy(string plan, string prefix)
    {
        foreach (var (color, listGrouped) in new[] { (false, false), (true, false), (false, true) })
        {
            Assert.Equal(
                new TextPlanRenderer(color, listGrouped).Render(CopiedDisplayPaths.Apply(Plans[plan](), prefix)),
                new TextPlanRenderer(color, listGrouped, prefix).Render(Plans[plan]()));
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Json_PrefixWrittenAsItGoes_IsTheJsonOfThePrefixedCopy(string plan, string prefix) =>
        Assert.Equal(new JsonPlanRenderer().Render(CopiedDisplayPaths.Apply(Plans[plan](), prefix)), new JsonPlanRenderer(prefix).Render(Plans[plan]()));

    [Theory]
    [MemberData(nameof(Cases))]
    public void Markdown_PrefixWrittenAsItGoes_IsTheMarkdownOfThePrefixedCopy(string plan, string prefix)
    {
        foreach (var limit in new[] { int.MaxValue, MarkdownOptions.GitHubCommentLimit, 6_000 })
        {
            using var streamed = new StringWriter(CultureInfo.InvariantCulture);
            new MarkdownPlanRenderer(new MarkdownOptions(MaxLength: limit, PathPrefix: prefix)).Render(Plans[plan](), streamed);

            Assert.Equal(new MarkdownPlanRenderer(new MarkdownOptions(MaxLength: limit)).Render(CopiedDisplayPaths.Apply(Plans[plan](), prefix)), streamed.ToString());
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void DiagnosticsAndAnnotations_PrefixWrittenAsItGoes_AreThoseOfThePrefixedCopy(string plan, string prefix)
    {
        var copy = CopiedDisplayPaths.Apply(Plans[plan](), prefix).Diagnostics;
        var original = Plans[plan]().Diagnostics;

        Assert.Equal(copy.Select(d => d.ToString()), original.Select(d => d.Display(prefix)));
        Assert.Equal(GitHubAnnotations.Render(copy), GitHubAnnotations.Render(original, prefix));
        Assert.Equal(
            copy.Select(d => JsonPlanRenderer.Diagnostic(d).ToJsonString()),
            original.Select(d => JsonPlanRenderer.Diagnostic(d, prefix).ToJsonString()));
    }

    [Fact]
    public void Markdown_PrefixWithoutSlash_GetsOne()
    {
        var plan = TruncationPlans.Mixed();

        Assert.Equal(
            new MarkdownPlanRenderer(new MarkdownOptions(PathPrefix: "ops-repo/")).Render(plan),
            new MarkdownPlanRenderer(new MarkdownOptions(PathPrefix: "ops-repo")).Render(plan));
    }

    [Fact]
    public void Text_UnmanagedTask_NamesItsFileAfterThePrefix() =>
        Assert.Contains("manifest gone (was repo/tasks/gone.yaml)", new TextPlanRenderer(filePrefix: "repo/").Render(TruncationPlans.Mixed()), StringComparison.Ordinal);

    private static readonly Dictionary<string, Func<Plan>> Plans = new()
    {
        ["every action against a base"] = PullRequestScenario.Plan,
        ["documents without identity"] = UnidentifiedDocumentRenderingTests.Scenario,
        ["a bit of everything"] = TruncationPlans.Mixed,
        ["a policy problem"] = () => TruncationPlans.Mixed() with
        {
            PolicyProblems = [Diagnostic.Error("policy-limit", "too many changes", SourceLocation.StartOf(".reconciler/policy.yaml")), Diagnostic.Warning("policy", "no place")],
        },
        ["hostile file names"] = HostileFileNames,
        ["3,000 identical changes"] = () => BulkChangeScenario.Plan,
    };

    /// <summary>Files whose names a terminal, a table, a code span or an annotation would obey if they were not escaped.</summary>
    private static Plan HostileFileNames()
    {
        var plan = TruncationPlans.Mixed();
        string Hostile(string file) => file.Replace("tasks/", "tasks/\u001b[2J\u202E|`,:%\n", StringComparison.Ordinal);
        SourceLocation? Move(SourceLocation? location) => location is null ? null : location with { File = Hostile(location.File) };
        return plan with
        {
            Entries = [.. plan.Entries.Select(e => e with
            {
                Location = Move(e.Location),
                Diagnostics = [.. e.Diagnostics.Select(d => d with { Location = Move(d.Location) })],
            })],
        };
    }
}
