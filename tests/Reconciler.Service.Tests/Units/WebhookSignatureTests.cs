using System.Text;
using Reconciler.Service.Http;
using Xunit;

namespace Reconciler.Service.Tests.Units;

public sealed class WebhookSignatureTests
{
    private static readonly byte[] Secret = Encoding.UTF8.GetBytes("It's a Secret to Everybody");
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("Hello, World!");

    [Fact]
    public void IsValid_GitHubsDocumentedExample_IsAccepted() =>
        // The example from GitHub's "Validating webhook deliveries" page.
        Assert.True(WebhookSignature.IsValid(Body, "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17", Secret));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("sha1=01dc10d0c83e72ed246219cdd91669667fe2ca59")]
    [InlineData("sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e18")]
    [InlineData("sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e1")]
    [InlineData("sha256=zz7107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17")]
    public void IsValid_MissingMalformedOrWrong_IsRefused(string? header) =>
        Assert.False(WebhookSignature.IsValid(Body, header, Secret));

    [Fact]
    public void IsValid_BodyChangedAfterSigning_IsRefused() =>
        Assert.False(WebhookSignature.IsValid(Encoding.UTF8.GetBytes("Hello, World?"), WebhookSignature.Compute(Body, Secret), Secret));
}
