using System.Reflection;
using Reconciler.Core.Json;
using Reconciler.Core.Normalization;

namespace Reconciler.Core.Tests.Normalization;

/// <summary>The hash held as 32 bytes: the same text out, the same comparisons, and no hex string kept in the body.</summary>
public sealed class CanonicalBodyHashTests
{
    private const string Json = """{"a":1,"name":"任务"}""";

    [Fact]
    public void Hash_MadeHere_IsLowerHexSha256OfTheUtf8()
    {
        var body = CanonicalBody.FromJson(Json);

        Assert.Equal(CanonicalJson.Hash(Json), body.Hash);
        Assert.Equal(64, body.Hash.Length);
    }

    [Fact]
    public void Hash_GivenAsLowerHex_RoundTripsAndEqualsTheMadeOne()
    {
        var made = CanonicalBody.FromJson(Json);
        var given = new CanonicalBody(Json, made.Hash);

        Assert.Equal(made.Hash, given.Hash);
        Assert.True(given.SameHash(made));
        Assert.Equal(made.GetHashCode(), given.GetHashCode());
    }

    [Theory]
    [InlineData("h1")]
    [InlineData("ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789")]
    public void Hash_GivenInAnyOtherForm_IsKeptAsWrittenAndDiffersFromTheMadeOne(string written)
    {
        var given = new CanonicalBody(Json, written);

        Assert.Equal(written, given.Hash);
        Assert.False(given.SameHash(CanonicalBody.FromJson(Json)));
        Assert.True(given.SameHash(new CanonicalBody(Json, written)));
    }

    [Fact]
    public void SameHash_DifferentBodies_IsFalse()
    {
        Assert.False(CanonicalBody.FromJson(Json).SameHash(CanonicalBody.FromJson("""{"a":2}""")));
    }

    [Fact]
    public void Body_AfterItsHashIsUsed_HoldsNoStringField()
    {
        var body = CanonicalBody.FromJson(Json);
        _ = body.Hash;

        var strings = typeof(CanonicalBody).GetFields(BindingFlags.Instance | BindingFlags.NonPublic)
            .Where(f => f.FieldType == typeof(string))
            .Select(f => f.GetValue(body))
            .Where(v => v is not null);
        Assert.Empty(strings);
    }
}
