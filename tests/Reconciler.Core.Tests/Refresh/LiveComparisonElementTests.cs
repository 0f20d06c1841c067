using System.Text.Json;
using System.Text.Json.Nodes;
using Reconciler.Core.Normalization;
using Reconciler.Core.Refresh;

namespace Reconciler.Core.Tests.Refresh;

/// <summary>
/// Differential: the comparison over <see cref="JsonElement"/> (what refresh and read-back run) gives the changes, the
/// fields not compared and the count compared that the comparison over nodes gave (<see cref="NodeComparisonOracle"/>),
/// over details made from one desired body by seeded random edits of every kind the platform could answer with.
/// </summary>
public sealed class LiveComparisonElementTests
{
    private const string Desired = """
        {"destination_extension":123,"dial_time_id":"215870475195883520","end_action":{"type":1,"args":["a","b"]},"maximumcall":2,"name":"回访-1","remark":"x","sub_user_id":"77",
         "task_extras":{"holiday":0,"line":[{"id":"l1","limit":2},{"id":"l2","limit":"3"}],"pop_mode":1,"redial_interval":3,"start_time":"2026-12-23 19:00:00","stop_time":"2027-01-01 00:00:00","work_hour":[{"wday":1,"begin":"09:00","end":"18:00"}]}}
        """;

    private static readonly JsonNode?[] Replacements =
    [
        null, JsonValue.Create(0), JsonValue.Create(2), JsonValue.Create("2"), JsonValue.Create(" 2"), JsonValue.Create("2.0"), JsonValue.Create(2.5m),
        JsonValue.Create("215870475195883520"), JsonValue.Create(215870475195883521L), JsonValue.Create(true), JsonValue.Create("回访-1"),
        JsonValue.Create(""), new JsonObject(), new JsonArray(), new JsonObject { ["type"] = 1, ["args"] = new JsonArray("a", "b"), ["extra"] = "e" },
        new JsonArray(new JsonObject { ["id"] = "l1", ["limit"] = "2", ["name"] = "线路一" }, new JsonObject { ["id"] = "l2", ["limit"] = 3 }),
    ];

    public static TheoryData<int> Seeds()
    {
        var seeds = new TheoryData<int>();
        for (var seed = 0; seed < 40; seed++)
        {
            seeds.Add(seed);
        }

        return seeds;
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Compare_OverElements_AnswersAsTheComparisonOverNodes(int seed)
    {
        var random = new Random(seed);
        var desired = (JsonObject)JsonNode.Parse(Desired)!;
        var body = CanonicalBody.FromNode(desired.DeepClone());
        for (var round = 0; round < 25; round++)
        {
            var detail = Edited((JsonObject)desired.DeepClone(), random);
            var text = detail.ToJsonString();
            using var document = JsonDocument.Parse(text);

            var expected = NodeComparisonOracle.Compare((JsonObject)JsonNode.Parse(Desired)!, (JsonObject)JsonNode.Parse(text)!);
            var actual = LiveComparison.Compare(body, document.RootElement);
            var fromNodes = LiveComparison.Compare((JsonObject)JsonNode.Parse(Desired)!, (JsonObject)JsonNode.Parse(text)!);

            foreach (var comparison in new[] { actual, fromNodes })
            {
                Assert.Equal(expected.Changes, comparison.Changes);
                Assert.Equal(expected.NotCompared, comparison.NotCompared);
                Assert.Equal(expected.Compared, comparison.Compared);
            }
        }
    }

    /// <summary>The detail as the platform might answer: fields replaced, removed, moved to new_task_extra, extra fields added.</summary>
    private static JsonObject Edited(JsonObject detail, Random random)
    {
        var extras = (JsonObject)detail["task_extras"]!;
        var run = new JsonObject();
        foreach (var target in new[] { detail, extras })
        {
            foreach (var key in target.Select(p => p.Key).ToList())
            {
                switch (random.Next(8))
                {
                    case 0:
                        target[key] = Replacements[random.Next(Replacements.Length)]?.DeepClone();
                        break;
                    case 1:
                        target.Remove(key);
                        break;
                    case 2 when target == extras:
                        run[key] = target[key]!.DeepClone();
                        target.Remove(key);
                        break;
                    default:
                        break;
                }
            }
        }

        if (random.Next(3) == 0)
        {
            detail["task_extras"] = random.Next(2) == 0 ? null : JsonValue.Create("not an object");
        }

        detail["new_task_extra"] = run;
        detail["status"] = random.Next(4);
        return detail;
    }
}
