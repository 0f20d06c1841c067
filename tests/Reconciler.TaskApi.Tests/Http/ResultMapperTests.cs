using Reconciler.Core.Secrets;
using Reconciler.Core.State;
using Reconciler.TaskApi.Http;

namespace Reconciler.TaskApi.Tests.Http;

/// <summary>Answers the simulator does not produce (non-JSON pages, odd codes), mapped without a server.</summary>
public sealed class ResultMapperTests
{
    private const string Secret = "tok-secret-123";
    private static readonly SecretRedactor Redactor = new([Secret]);

    [Theory]
    [InlineData(200, "{\"code\":200,\"status\":\"success\",\"message\":\"修改成功\",\"data\":\"\"}", ApplyOutcome.Applied)]
    [InlineData(200, "{\"code\":\"200\",\"message\":\"ok\"}", ApplyOutcome.Applied)]
    [InlineData(200, "{\"code\":6007,\"status\":\"error\",\"message\":\"2.0任务启动中,请先停止任务\",\"data\":[]}", ApplyOutcome.Blocked)]
    [InlineData(200, "{\"code\":5001,\"status\":\"error\",\"message\":\"线路不存在\",\"data\":[]}", ApplyOutcome.Rejected)]
    [InlineData(200, "{\"code\":401,\"message\":\"token expired\"}", ApplyOutcome.Unauthorized)]
    [InlineData(401, "{\"message\":\"Unauthenticated.\"}", ApplyOutcome.Unauthorized)]
    [InlineData(403, "<html>forbidden</html>", ApplyOutcome.Unauthorized)]
    [InlineData(404, "<html>not found</html>", ApplyOutcome.Rejected)]
    [InlineData(422, "{\"code\":422,\"message\":\"name 不能为空\"}", ApplyOutcome.Rejected)]
    [InlineData(200, "<html>captive portal</html>", ApplyOutcome.Failed)]
    [InlineData(200, "", ApplyOutcome.Failed)]
    [InlineData(200, "{\"status\":\"success\"}", ApplyOutcome.Failed)]
    [InlineData(302, "", ApplyOutcome.Failed)]
    [InlineData(502, "<html>Bad Gateway</html>", ApplyOutcome.Failed)]
    [InlineData(429, "{\"code\":429,\"message\":\"slow down\"}", ApplyOutcome.Failed)]
    [InlineData(408, "", ApplyOutcome.Failed)]
    public void Map_Answer_GivesOutcome(int status, string body, ApplyOutcome expected)
    {
        var result = ResultMapper.Map(new ApiExchange(status, null, body, 1, null), ApplyOutcome.Applied, "u1", "RECONCILER_API_TOKEN", Redactor);

        Assert.Equal(expected, result.Outcome);
        Assert.Equal(status, result.HttpStatus);
        Assert.False(string.IsNullOrWhiteSpace(result.Message));
    }

    [Fact]
    public void Map_Rejection_KeepsTheApiMessageAndCode()
    {
        var result = ResultMapper.Map(new ApiExchange(200, "OK", "{\"code\":5001,\"message\":\"线路不存在\"}", 1, null), ApplyOutcome.Applied, "u1", null, Redactor);

        Assert.Equal(5001, result.ApiCode);
        Assert.Equal("线路不存在", result.Message);
    }

    [Fact]
    public void Map_SuccessForStop_IsStopped()
    {
        var result = ResultMapper.Map(new ApiExchange(200, "OK", "{\"code\":200,\"message\":\"操作成功\"}", 1, null), ApplyOutcome.Stopped, "u1", null, Redactor);

        Assert.Equal(ApplyOutcome.Stopped, result.Outcome);
    }

    [Fact]
    public void Map_NoAnswer_IsFailedWithAttempts()
    {
        var result = ResultMapper.Map(new ApiExchange(null, null, null, 5, "connection failed: reset"), ApplyOutcome.Applied, "u1", null, Redactor);

        Assert.Equal(ApplyOutcome.Failed, result.Outcome);
        Assert.Equal("connection failed: reset (5 attempts)", result.Message);
    }

    [Theory]
    [InlineData(200, "{\"code\":5001,\"message\":\"bad token tok-secret-123\"}")]
    [InlineData(404, "<html>tok-secret-123</html>")]
    [InlineData(401, "{\"message\":\"tok-secret-123 refused\"}")]
    [InlineData(503, "tok-secret-123")]
    [InlineData(200, "<p>tok-secret-123</p>")]
    [InlineData(200, "{\"code\":5001,\"message\":\"bad token TOK-SECRET-123\"}")]
    [InlineData(400, "<pre>Authorization: Bearer tok-sec\r\n ret-123</pre>")]
    [InlineData(403, "{\"message\":\"token dG9rLXNlY3JldC0xMjM= refused\"}")]
    [InlineData(500, "url=https://x/?t=tok%2Dsecret%2D123")]
    public void Map_AnswerEchoingTheToken_IsRedacted(int status, string body)
    {
        var result = ResultMapper.Map(new ApiExchange(status, null, body, 1, null), ApplyOutcome.Applied, "u1", null, Redactor);

        Assert.DoesNotContain(Secret, result.Message, StringComparison.Ordinal);

        // Redacted where shown; an HTML page is not shown at all, only summarised (by its title, when it has one).
        Assert.True(result.Message!.Contains(SecretRedactor.Mask, StringComparison.Ordinal) || result.Message.Contains("an HTML page", StringComparison.Ordinal), result.Message);
    }

    [Fact]
    public void Map_LongHtmlPage_IsSummarisedNotPrinted()
    {
        var page = "<html>\n" + new string('x', 1000) + "\n</html>";

        var result = ResultMapper.Map(new ApiExchange(404, "Not Found", page, 1, null), ApplyOutcome.Applied, "u1", null, Redactor);

        Assert.DoesNotContain('\n', result.Message!);
        Assert.True(result.Message!.Length < 250);
        Assert.Equal("HTTP 404 Not Found: an HTML page (not the API's JSON)", result.Message);
    }
}
