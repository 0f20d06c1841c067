namespace Reconciler.Testing.Platform;

/// <summary>One task of the <see cref="FakeTaskPlatform"/>: the body text last PUT (as sent) and how many PUTs it got.</summary>
internal sealed class FakePlatformTask(string taskId, bool v2, string? subUserId)
{
    public string TaskId { get; } = taskId;

    public bool V2 { get; } = v2;

    public string? SubUserId { get; } = subUserId;

    public string? Body { get; set; }

    public int Puts { get; set; }
}
