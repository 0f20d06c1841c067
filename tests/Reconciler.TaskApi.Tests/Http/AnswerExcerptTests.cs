using Reconciler.Core.Secrets;
using Reconciler.TaskApi.Http;
using Xunit;

namespace Reconciler.TaskApi.Tests.Http;

/// <summary>Unexpected answers are shown short: a proxy's HTML error page by its title, never raw.</summary>
public sealed class AnswerExcerptTests
{
    [Theory]
    [InlineData("<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>", "an HTML page titled \"502 Bad Gateway\"")]
    [InlineData("<!DOCTYPE html><html><head><TITLE>Service &amp; Maintenance</TITLE></head><body>…</body></html>", "an HTML page titled \"Service & Maintenance\"")]
    [InlineData("  <html><body>no title here</body></html>", "an HTML page (not the API's JSON)")]
    [InlineData("upstream connect error\nor disconnect", "upstream connect error or disconnect")]
    public void Of_Answer_IsOneShortLine(string text, string expected) =>
        Assert.Equal(expected, AnswerExcerpt.Of(text, SecretRedactor.None));

    [Fact]
    public void Of_HtmlTitleHoldingTheToken_IsRedacted() =>
        Assert.Equal("an HTML page titled \"denied for [redacted]\"", AnswerExcerpt.Of("<html><title>denied for tok-0123456789abcdef</title></html>", new SecretRedactor(["tok-0123456789abcdef"])));
}
