using System.Text.Json.Nodes;
using Reconciler.Core.Normalization;
using Reconciler.Core.Planning;
using Xunit;

namespace Reconciler.Core.Tests.Planning;

/// <summary>
/// An adopt's field changes, read from the body's UTF-8, are exactly <c>JsonDiff.Compare({}, body)</c> over nodes (what
/// they were before): the same paths, in the same order, with the same text, for bodies the evaluator made and for hostile
/// JSON (escapes, line and paragraph separators, emoji, control characters, big and exact numbers, nested and empty objects).
/// </summary>
public sealed class AdoptionChangesTests
{
    public static TheoryData<string> Bodies() => new()
    {
        """{"name":"任务","maximumcall":3,"task_extras":{"line":[{"id":"a","limit":4}],"redial_conditions":{"da_status":[3,4]},"work_hour":[],"empty":{}}}""",
        """{"b":1,"a":{"z":{"y":{"x":null}},"k":true},"c":[{"n":{"m":1}}]}""",
        """{"q":"say \"hi\" \\ back","sep":"a\u2028b\u2029c","ctl":"\u0001\u001f\u007f","emoji":"😀","html":"<a href='x'>&amp;</a>","slash":"a/b"}""",
        """{"big":9007199254740993,"exact":1.50,"neg":-0,"exp":1E+2,"small":1e-7,"arr":[1.0,2.50,-3]}""",
        """{"a/b":{"c~d":1},"":{"":""},"数字":{"键":"值"}}""",
        """{}""",
    };

    [Theory]
    [MemberData(nameof(Bodies))]
    public void Changes_HostileBody_AsTheNodeDiff(string json) => AssertSame(CanonicalBody.FromJson(json));

    [Fact]
    public void Changes_EvaluatedManifests_AsTheNodeDiff()
    {
        var desired = TestManifests.Desired(
            ("tasks/a.yaml", TestManifests.V2()),
            ("tasks/b.yaml", TestManifests.Legacy(taskId: "b3dde793-792f-490b-bda1-e3bb80a6c302")),
            ("tasks/c.yaml", TestManifests.V2(taskId: "c3dde793-792f-490b-bda1-e3bb80a6c302", name: "引号\"与\\反斜杠 😀")));

        Assert.NotEmpty(desired.Tasks);
        foreach (var task in desired.Tasks)
        {
            AssertSame(task.Body);
        }
    }

    private static void AssertSame(CanonicalBody body)
    {
        var expected = JsonDiff.Compare(new JsonObject(), body.ToNode());
        var actual = new AdoptionChanges(body);

        Assert.Equal(expected.Select(Describe), actual.Select(Describe));
        Assert.Equal(expected.Count, actual.Count);
    }

    private static string Describe(FieldChange change) => $"{change.Path} | {change.Before ?? "<none>"} | {change.After ?? "<none>"} | {change.Elements.Count}";
}
