using System.Buffers;
using System.Text.Json;
using Reconciler.Core.TaskSets;

namespace Reconciler.Core.Tests.TaskSets;

/// <summary>The merge rule: objects merge key by key; lists and values replace; the template's order first.</summary>
public sealed class SpecMergeTests
{
    private static string Merge(string template, string? item)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, MergedManifest.WriterOptions))
        {
            SpecMerge.Write(writer, JsonDocument.Parse(template).RootElement, item is null ? null : JsonDocument.Parse(item).RootElement);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    [Theory]
    [InlineData("""{"a":1,"b":2}""", """{"b":3}""", """{"a":1,"b":3}""")]
    [InlineData("""{"a":1}""", """{"c":3,"b":2}""", """{"a":1,"c":3,"b":2}""")]
    [InlineData("""{"x":{"a":1,"b":{"c":1,"d":2}}}""", """{"x":{"b":{"d":5}}}""", """{"x":{"a":1,"b":{"c":1,"d":5}}}""")]
    [InlineData("""{"line":[{"id":"a","limit":1},{"id":"b","limit":1}]}""", """{"line":[{"id":"c","limit":2}]}""", """{"line":[{"id":"c","limit":2}]}""")]
    [InlineData("""{"line":[1,2]}""", """{"line":[]}""", """{"line":[]}""")]
    [InlineData("""{"x":{"a":1}}""", """{"x":5}""", """{"x":5}""")]
    [InlineData("""{"x":5}""", """{"x":{"a":1}}""", """{"x":{"a":1}}""")]
    [InlineData("""{"x":{"a":1}}""", """{"x":{}}""", """{"x":{"a":1}}""")]
    [InlineData("""{"x":{"a":1}}""", """{"x":null}""", """{"x":null}""")]
    [InlineData("""{"x":1}""", """{}""", """{"x":1}""")]
    [InlineData("""{"id":215870475195883520,"f":1.50}""", """{"g":1e2}""", """{"id":215870475195883520,"f":1.50,"g":1e2}""")]
    [InlineData("""{"name":"模板"}""", """{"name":"华东"}""", """{"name":"华东"}""")]
    public void Merge_FollowsTheRule(string template, string item, string merged)
    {
        Assert.Equal(merged, Merge(template, item));
    }

    [Fact]
    public void Merge_NoItemSpec_IsTheTemplate()
    {
        Assert.Equal("""{"a":{"b":[1]}}""", Merge("""{"a":{"b":[1]}}""", null));
    }

    [Fact]
    public void Merge_ItemNotAnObject_ReplacesTheWholeSpec()
    {
        // The merged manifest then fails the schema (spec must be an object), at the item.
        Assert.Equal("[1]", Merge("""{"a":1}""", "[1]"));
    }
}
