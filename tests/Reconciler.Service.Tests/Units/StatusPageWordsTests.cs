using System.Text.Json;
using Reconciler.Core.Reconciling;
using Reconciler.Core.Tasks;
using Reconciler.Service.Http;
using Xunit;

namespace Reconciler.Service.Tests.Units;

/// <summary>The page's words come from the one vocabulary: every state and trigger has Chinese words, and the chips are distinct.</summary>
public sealed class StatusPageWordsTests
{
    [Fact]
    public void Vocabulary_HasWordsForEveryStateAndTrigger()
    {
        using var words = JsonDocument.Parse(JsonSerializer.Serialize(StatusPageWords.Vocabulary()));
        var root = words.RootElement;

        Assert.All(TaskStateWords.All, s => Assert.False(string.IsNullOrEmpty(root.GetProperty("states").GetProperty(s.ToWord()).GetProperty("label").GetString())));
        Assert.All(Enum.GetValues<RunTrigger>(), t => Assert.True(root.GetProperty("triggers").TryGetProperty(t.ToWord(), out _)));
        var chips = root.GetProperty("filters").EnumerateArray().Select(f => f[0].GetString()).ToList();
        Assert.Equal(chips.Count, chips.Distinct().Count());
        Assert.Equal("failed", root.GetProperty("states").GetProperty("rejected").GetProperty("filter").GetString());
        Assert.Contains("修改清单后才会重试", root.GetProperty("states").GetProperty("rejected").GetProperty("reason").GetString(), StringComparison.Ordinal);
    }
}
