using Reconciler.Core.Planning;
using Reconciler.Core.SavedPlans;

namespace Reconciler.Core.Tests.SavedPlans;

/// <summary>The saved plan file: what is saved, a round trip that keeps every body byte for byte, and a digest that refuses an altered file.</summary>
public sealed class SavedPlanFileTests
{
    [Fact]
    public void Build_SavesTheChangesOnlyWithWhatEachReplaces()
    {
        var saved = SavedPlanSamples.Saved();

        Assert.Equal([PlanAction.Update, PlanAction.Adopt, PlanAction.Unmanage], saved.Entries.Select(e => e.Action));
        var update = saved.Entries[0];
        var plan = SavedPlanSamples.ValidPlan();
        Assert.Equal(plan.Entries[0].Baseline!.Body.Hash, update.Replaces);
        Assert.Equal(plan.Entries[0].Desired!.Body.Json, update.Body!.Json);
        Assert.Null(saved.Entries[1].Replaces);
        Assert.Null(saved.Entries[2].Body);
        Assert.Equal((SavedPlanSamples.StoreId, 7L), (saved.State.StoreId, saved.State.Serial));
    }

    [Fact]
    public void Build_PlanWithInvalidManifests_IsNotSaved()
    {
        var plan = Planner.Plan(Tests.Planning.PlanScenario.Desired(), Tests.Planning.PlanScenario.LastApplied());

        Assert.Throws<InvalidOperationException>(() => SavedPlanBuilder.From(plan, null, new SavedState(null, 0, "e", "s"), new SavedSource(".", null, null, null, [], [], null, "d"), new SavedPlanOptions(false, []), SavedPlanSamples.MadeAt));
    }

    [Fact]
    public void WriteThenRead_GivesTheSamePlanAndEveryBodyByteForByte()
    {
        var saved = SavedPlanSamples.Saved();

        var read = SavedPlanFile.Read(SavedPlanFile.Write(saved));

        Assert.Equal(saved.CreatedAt, read.CreatedAt);
        Assert.Equal(saved.State, read.State);
        Assert.Equal(saved.Summary, read.Summary);
        Assert.Equal(saved.Entries.Select(e => (e.Action, e.Identity, e.Replaces, e.Body?.Json, e.Body?.Hash, e.Reason, e.File)), read.Entries.Select(e => (e.Action, e.Identity, e.Replaces, e.Body?.Json, e.Body?.Hash, e.Reason, e.File)));
        Assert.Equal(saved.Entries[0].Changes.Select(c => (c.Path, c.Before, c.After)), read.Entries[0].Changes.Select(c => (c.Path, c.Before, c.After)));
    }

    [Fact]
    public void Read_Reformatted_IsStillTheSamePlan()
    {
        var text = SavedPlanFile.Write(SavedPlanSamples.Saved());
        var compact = System.Text.Json.Nodes.JsonNode.Parse(text)!.ToJsonString();

        Assert.Equal(SavedPlanSamples.Saved().Entries.Count, SavedPlanFile.Read(compact).Entries.Count);
    }

    [Theory]
    [InlineData("\"serial\": 7", "\"serial\": 8")]
    [InlineData("maximumcall\\\":4", "maximumcall\\\":6")]
    [InlineData("\"action\": \"unmanage\"", "\"action\": \"update\"")]
    public void Read_AlteredContent_IsRefusedByItsDigest(string from, string to)
    {
        var text = SavedPlanFile.Write(SavedPlanSamples.Saved());
        Assert.Contains(from, text, StringComparison.Ordinal);

        var error = Assert.Throws<SavedPlanFileException>(() => SavedPlanFile.Read(text.Replace(from, to, StringComparison.Ordinal)));

        Assert.Equal("it was altered after it was written: its digest does not match what it holds", error.Message);
    }

    [Theory]
    [InlineData("not json", "it is not a saved plan (not JSON")]
    [InlineData("[]", "it is not a saved plan (not a JSON object)")]
    [InlineData("{\"format_version\": 1}", "it is not a saved plan (no \"kind\"")]
    [InlineData("{\"kind\": \"reconciler/saved-plan\", \"format_version\": 2}", "it is a saved plan of another format version (2)")]
    public void Read_NotASavedPlan_SaysWhat(string text, string start)
    {
        var error = Assert.Throws<SavedPlanFileException>(() => SavedPlanFile.Read(text));

        Assert.StartsWith(start, error.Message, StringComparison.Ordinal);
    }
}
