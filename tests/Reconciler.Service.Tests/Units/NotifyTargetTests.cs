using Reconciler.Service.Notifications;
using Xunit;

namespace Reconciler.Service.Tests.Units;

public sealed class NotifyTargetTests
{
    [Theory]
    [InlineData("https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=abc", NotifyFormat.WeCom)]
    [InlineData("https://oapi.dingtalk.com/robot/send?access_token=abc", NotifyFormat.DingTalk)]
    [InlineData("https://open.feishu.cn/open-apis/bot/v2/hook/abc", NotifyFormat.Feishu)]
    [InlineData("https://open.larksuite.com/open-apis/bot/v2/hook/abc", NotifyFormat.Feishu)]
    [InlineData("https://hooks.example.com/reconciler", NotifyFormat.Json)]
    [InlineData("wecom+http://127.0.0.1:9000/send?key=abc", NotifyFormat.WeCom)]
    [InlineData("DingTalk+http://[::1]:9000/robot/send", NotifyFormat.DingTalk)]
    [InlineData("json+https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=abc", NotifyFormat.Json)]
    public void TryParse_FormatFollowsTheHostUnlessAPrefixChooses(string text, NotifyFormat format)
    {
        Assert.True(NotifyTarget.TryParse(text, out var target, out var why), why);
        Assert.Equal(format, target.Format);
    }

    [Theory]
    [InlineData("http://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=s3cretkey", "must use https")]
    [InlineData("teams+https://example.com/x?key=s3cretkey", "unknown notification format")]
    [InlineData("ftp://example.com/x?key=s3cretkey", "absolute http(s) URL")]
    [InlineData("https://user:s3cretkey@example.com/x", "user name or password")]
    public void TryParse_Refused_SaysWhyWithoutTheKey(string text, string reason)
    {
        Assert.False(NotifyTarget.TryParse(text, out _, out var why));
        Assert.Contains(reason, why, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cretkey", why, StringComparison.Ordinal);
    }

    [Fact]
    public void Display_ShowsFormatAndHostButNeitherPathNorQuery()
    {
        Assert.True(NotifyTarget.TryParse("https://open.feishu.cn/open-apis/bot/v2/hook/hook-s3cret", out var target, out _));

        Assert.Equal("feishu https://open.feishu.cn/…", target.Display);
        Assert.Equal(target.Display, target.ToString());
    }

    [Fact]
    public void TryParse_SigningSecretOfDingTalk_IsTakenOutOfTheUrl()
    {
        Assert.True(NotifyTarget.TryParse("https://oapi.dingtalk.com/robot/send?access_token=tok&secret=SECabc", out var target, out _));

        Assert.Equal("SECabc", target.SigningSecret);
        Assert.Equal("?access_token=tok", target.Url.Query);
    }
}
