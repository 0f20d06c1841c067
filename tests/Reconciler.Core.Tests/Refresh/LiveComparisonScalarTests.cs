using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Reconciler.Core.Refresh;

namespace Reconciler.Core.Tests.Refresh;

/// <summary>
/// Differential: a scalar parsed from JSON (the detail, the desired body) compares exactly as the same scalar built in
/// code (a CLR value written out first), across digits, signs, spaces, big ids, decimals, booleans and nulls.
/// </summary>
public sealed class LiveComparisonScalarTests
{
    private static readonly object?[] Values =
    [
        "0", "1", "01", "1.0", "1.50", "-1", "+1", " 1", "1 ", "1e3", "1000", "215870475195883520", "215870475195883521",
        "", "a", "true", "null", "线路一", "12345678901234567890123456789", "0.1", "-0", "1.",
        0L, 1L, -1L, 1000L, 215870475195883520L, 215870475195883521L, long.MaxValue,
        0.1m, 1.0m, 1.5m, 1.50m, -0.0m, 1e3m, 12345678901234567890123456789m,
        true, false, null,
    ];

    public static TheoryData<int> Pairs()
    {
        var data = new TheoryData<int>();
        for (var i = 0; i < Values.Length; i++)
        {
            data.Add(i);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Pairs))]
    public void Equivalent_ParsedScalar_ComparesAsTheSameScalarBuiltInCode(int live)
    {
        foreach (var desired in Values)
        {
            var built = LiveComparison.Equivalent(Built(Values[live]), Built(desired));
            var parsed = LiveComparison.Equivalent(Parsed(Values[live]), Parsed(desired));
            var mixed = LiveComparison.Equivalent(Parsed(Values[live]), Built(desired));

            Assert.True(built == parsed && built == mixed, $"{Text(Values[live])} against {Text(desired)}: built {built}, parsed {parsed}, mixed {mixed}");
        }
    }

    [Fact]
    public void Compare_DetailOverItsAnswersElement_EqualsTheDetailParsedFromText()
    {
        const string detail = """{"name":"回访","maximumcall":"6","dial_time_id":215870475195883520,"task_extras":{"pop_mode":1,"line":[{"id":"l1","limit":2}]},"new_task_extra":{"start_time":"2026-12-23 19:00:00","holiday":0}}""";
        var desired = (JsonObject)JsonNode.Parse("""{"name":"回访","maximumcall":2,"dial_time_id":"215870475195883520","task_extras":{"pop_mode":"1","start_time":"2026-12-23 19:00:00","holiday":1,"line":[{"id":"l1","limit":3}]}}""")!;
        using var document = JsonDocument.Parse(detail);

        var overElement = LiveComparison.Compare(desired, JsonObject.Create(document.RootElement.Clone())!);
        var fromText = LiveComparison.Compare(desired, (JsonObject)JsonNode.Parse(detail)!);

        Assert.Equal(fromText.Changes, overElement.Changes);
        Assert.Equal(fromText.NotCompared, overElement.NotCompared);
        Assert.Equal(fromText.Compared, overElement.Compared);
        Assert.Equal(["/maximumcall", "/task_extras/holiday", "/task_extras/line"], overElement.Changes.Select(c => c.Path));
    }

    private static JsonNode? Built(object? value) => value switch
    {
        null => null,
        string s => JsonValue.Create(s),
        long n => JsonValue.Create(n),
        decimal d => JsonValue.Create(d),
        bool b => JsonValue.Create(b),
        _ => throw new ArgumentOutOfRangeException(nameof(value)),
    };

    private static JsonNode? Parsed(object? value) => JsonNode.Parse(Text(value));

    private static string Text(object? value) => value switch
    {
        null => "null",
        string s => JsonSerializer.Serialize(s),
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => throw new ArgumentOutOfRangeException(nameof(value)),
    };
}
