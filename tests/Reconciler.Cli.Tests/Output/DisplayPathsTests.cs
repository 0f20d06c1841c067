using Reconciler.Cli.Output;
using Reconciler.Core.Diagnostics;
using Reconciler.Core.Manifests;
using Reconciler.Core.Planning;

namespace Reconciler.Cli.Tests.Output;

/// <summary>The plan as shown (paths prefixed): the same text as before, held once per file rather than once per entry.</summary>
public sealed class DisplayPathsTests
{
    private static PlanEntry Entry(string task, SourceLocation location, params Diagnostic[] diagnostics) =>
        new(PlanAction.Adopt, new TaskIdentity("u", task), task, location, [], diagnostics);

    [Fact]
    public void Apply_TasksOfOneFile_ShowOnePrefixedPathInstance()
    {
        var warning = Diagnostic.Warning("w", "a warning", new SourceLocation("sets/s.yaml", 9, 1), "/spec");
        var plan = new Plan([Entry("a", new SourceLocation("sets/s.yaml", 3, 1), warning), Entry("b", new SourceLocation("sets/s.yaml", 7, 1))], null);

        var shown = DisplayPaths.Apply(plan, "repo/");

        Assert.Equal(["repo/sets/s.yaml:3:1", "repo/sets/s.yaml:7:1"], shown.Entries.Select(e => e.Location!.ToString()));
        Assert.Equal("repo/sets/s.yaml", shown.Entries[0].Diagnostics.Single().Location!.File);
        Assert.Same(shown.Entries[0].Location!.File, shown.Entries[1].Location!.File);
        Assert.Same(shown.Entries[0].Location!.File, shown.Entries[0].Diagnostics.Single().Location!.File);
        Assert.Equal("sets/s.yaml", plan.Entries[0].Location!.File);
    }

    [Fact]
    public void Apply_EntryWithoutDiagnostics_KeepsItsEmptyList()
    {
        var plan = new Plan([Entry("a", new SourceLocation("a.yaml", 1, 1))], null);

        Assert.Same(plan.Entries[0].Diagnostics, DisplayPaths.Apply(plan, "repo/").Entries[0].Diagnostics);
    }

    [Fact]
    public void Apply_NoPrefix_IsThePlanItself()
    {
        var plan = new Plan([Entry("a", new SourceLocation("a.yaml", 1, 1))], null);

        Assert.Same(plan, DisplayPaths.Apply(plan, ""));
    }
}
