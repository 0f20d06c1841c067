using System.Text;
using Reconciler.Service.Http;
using Xunit;

namespace Reconciler.Service.Tests.Units;

/// <summary>The push's ref is found while the body streams past, in a fixed window, however the body is cut into chunks.</summary>
public sealed class PushRefReaderTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(4096)]
    public void Append_RefFirstAsGitHubWritesIt_IsFoundInAnyChunking(int chunk)
    {
        var body = Encoding.UTF8.GetBytes("""{"ref":"refs/heads/main","before":"0000","commits":[{"id":"1"}]}""");

        var reader = Read(body, chunk);

        Assert.Equal(("refs/heads/main", false), (reader.Ref, reader.GaveUp));
    }

    [Fact]
    public void Append_RefAfterLargeNestedValues_IsFoundWithoutHoldingThem()
    {
        var padding = string.Join(',', Enumerable.Range(0, 20_000).Select(i => $$"""{"id":"{{i}}","message":"提交 {{i}}","ref":"refs/heads/not-this-one"}"""));
        var body = Encoding.UTF8.GetBytes($$"""{"commits":[{{padding}}],"ref":"refs/heads/release"}""");

        var reader = Read(body, 8192);

        Assert.True(body.Length > PushRefReader.Window * 10);
        Assert.Equal(("refs/heads/release", false), (reader.Ref, reader.GaveUp));
    }

    [Fact]
    public void Append_NoRefInTheObject_IsNoRefNotGivenUp()
    {
        var reader = Read("""{"zen":"Keep it logically awesome.","hook":{"ref":"nested"}}"""u8.ToArray(), 5);

        Assert.Equal((null, false), (reader.Ref, reader.GaveUp));
    }

    [Theory]
    [InlineData("not json at all")]
    [InlineData("[\"ref\",\"refs/heads/main\"]")]
    [InlineData("{\"ref\":")]
    [InlineData("")]
    public void Append_NotAPushObject_GivesUp(string text)
    {
        var reader = Read(Encoding.UTF8.GetBytes(text), 2);

        Assert.Equal((null, true), (reader.Ref, reader.GaveUp));
    }

    [Fact]
    public void Append_OneTokenLongerThanTheWindow_GivesUpInsteadOfGrowing()
    {
        var body = Encoding.UTF8.GetBytes($$"""{"message":"{{new string('x', PushRefReader.Window * 4)}}","ref":"refs/heads/main"}""");

        var reader = Read(body, 1000);

        Assert.Equal((null, true), (reader.Ref, reader.GaveUp));
    }

    private static PushRefReader Read(byte[] body, int chunk)
    {
        var reader = new PushRefReader();
        for (var offset = 0; offset < body.Length; offset += chunk)
        {
            reader.Append(body.AsSpan(offset, Math.Min(chunk, body.Length - offset)));
        }

        reader.Complete();
        return reader;
    }
}
