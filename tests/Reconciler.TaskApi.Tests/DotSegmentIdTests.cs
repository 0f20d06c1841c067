using Reconciler.Core.Manifests;
using Reconciler.Core.State;
using Reconciler.TaskApi.Tests.Support;
using Reconciler.Testing.Platform;

namespace Reconciler.TaskApi.Tests;

/// <summary>
/// A task list can name an id of <c>.</c> or <c>..</c>; URI resolution drops such a segment (escaped or not), so a
/// request for it would reach another resource (<c>…/task/../edit</c> is <c>…/edit</c>). The client sends nothing.
/// </summary>
public sealed class DotSegmentIdTests
{
    private const string User = "5832d184-dd53-42a0-8ace-0bf8d660f4cc";

    [Theory]
    [InlineData(User, "..")]
    [InlineData(User, ".")]
    [InlineData("..", "f232d184-dd54-42a0-8ace-0bf8d660f4cc")]
    public async Task DetailAndUpdate_OfADotSegmentId_AreRefusedWithoutARequest(string userId, string taskId)
    {
        await using var platform = await FakeTaskPlatform.StartAsync();
        using var client = ClientHarness.Create(platform.BaseAddress, ClientHarness.DefaultToken("token-1234567890"));
        var identity = new TaskIdentity(userId, taskId);

        var read = await client.Api.ReadTaskAsync(identity, null, CancellationToken.None);
        var put = await client.Api.UpdateTaskAsync(identity, "{}", CancellationToken.None);

        Assert.Null(read.Detail);
        Assert.StartsWith("the id is '.' or '..'", read.Problem, StringComparison.Ordinal);
        Assert.Equal(ApplyOutcome.Rejected, put.Outcome);
        Assert.Equal(read.Problem, put.Message);
        Assert.Equal(0, platform.Requests);
    }

    [Fact]
    public async Task Detail_OfAnIdHoldingSlashesAndDots_ReachesThatTask()
    {
        await using var platform = await FakeTaskPlatform.StartAsync();
        platform.AddTask(User, "../a/..", body: """{"name":"x"}""");
        using var client = ClientHarness.Create(platform.BaseAddress, ClientHarness.DefaultToken("token-1234567890"));

        var read = await client.Api.ReadTaskAsync(new TaskIdentity(User, "../a/.."), null, CancellationToken.None);

        Assert.Null(read.Problem);
        Assert.Equal("x", read.Detail?["name"]?.GetValue<string>());
    }
}
