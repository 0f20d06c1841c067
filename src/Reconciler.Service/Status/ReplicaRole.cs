namespace Reconciler.Service.Status;

/// <summary>What a replica sharing a PostgreSQL state does: the leader applies and posts plans, a follower serves status.</summary>
public enum ReplicaRole
{
    Follower,
    Leader,
}

/// <summary>How a role is spelled in <c>/status</c>.</summary>
public static class ReplicaRoleWords
{
    public static string ToWord(this ReplicaRole role) => role switch
    {
        ReplicaRole.Leader => "leader",
        ReplicaRole.Follower => "follower",
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "unknown replica role"),
    };
}
