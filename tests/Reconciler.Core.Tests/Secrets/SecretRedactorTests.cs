using System.Text;
using Reconciler.Core.Secrets;

namespace Reconciler.Core.Tests.Secrets;

/// <summary>A token is cut out in every shape a server, a proxy or a person may echo it in.</summary>
public sealed class SecretRedactorTests
{
    private const string Token = "sk_Live+Ab/Cd=Ef9Gh8Ij";
    private static readonly SecretRedactor Redactor = new([Token]);

    public static TheoryData<string> Echoes() => new()
    {
        $"Bearer {Token}",
        $"token={Uri.EscapeDataString(Token)}",
        $"token={Uri.EscapeDataString(Token).ToLowerInvariant()}",
        $"q={System.Net.WebUtility.UrlEncode(Token)}&x=1",
        $"case: {Token.ToUpperInvariant()} / {Token.ToLowerInvariant()}",
        $"{{\"auth\":\"{Token.Replace("/", "\\/", StringComparison.Ordinal)}\"}}",
        $"basic {Convert.ToBase64String(Encoding.UTF8.GetBytes(Token))}",
        $"blob {Convert.ToBase64String(Encoding.UTF8.GetBytes("x" + Token + "yz"))}",
        $"blob {Convert.ToBase64String(Encoding.UTF8.GetBytes("xy" + Token))}",
        $"wrapped: {Token[..7]}\r\n    {Token[7..15]} {Token[15..]}",
        $"over-encoded: {Token.Replace("_", "%5f", StringComparison.Ordinal).Replace("L", "%4C", StringComparison.Ordinal)}",
    };

    [Theory]
    [MemberData(nameof(Echoes))]
    public void Redact_EchoedForm_IsCutOut(string text)
    {
        Assert.True(Redactor.Contains(text), text);
        var redacted = Redactor.Redact(text);
        Assert.Contains(SecretRedactor.Mask, redacted, StringComparison.Ordinal);
        Assert.False(Redactor.Contains(redacted), redacted);
    }

    [Fact]
    public void Redact_TextWithoutTheToken_IsUnchanged()
    {
        const string text = "任务 sk_Live is fine: abcdefgh";
        Assert.False(Redactor.Contains(text));
        Assert.Same(text, Redactor.Redact(text));
    }

    [Fact]
    public void SafeCause_ExceptionQuotingTheToken_IsDropped()
    {
        var inner = new InvalidOperationException($"header was Bearer {Uri.EscapeDataString(Token)}");
        Assert.Null(Redactor.SafeCause(new HttpRequestException("failed", inner)));
        Assert.NotNull(Redactor.SafeCause(new HttpRequestException("failed")));
    }

    [Fact]
    public void ToString_ShowsACountNeverAValue()
    {
        Assert.Equal("SecretRedactor(1 secret(s), values hidden)", Redactor.ToString());
        Assert.True(SecretRedactor.None.IsEmpty);
        Assert.Equal("a", SecretRedactor.None.Redact("a"));
    }
}
