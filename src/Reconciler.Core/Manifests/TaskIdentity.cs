namespace Reconciler.Core.Manifests;

/// <summary>A task's identity on the platform: the main account (<c>user_id</c>) and the task (<c>task_id</c>).</summary>
public sealed record TaskIdentity(string UserId, string TaskId) : IComparable<TaskIdentity>
{
    public int CompareTo(TaskIdentity? other)
    {
        if (other is null)
        {
            return 1;
        }

        var byUser = string.CompareOrdinal(UserId, other.UserId);
        return byUser != 0 ? byUser : string.CompareOrdinal(TaskId, other.TaskId);
    }

    /// <summary>The short form used in output: <c>user_id/task_id</c>.</summary>
    public override string ToString() => $"{UserId}/{TaskId}";

    public static bool operator <(TaskIdentity? left, TaskIdentity? right) => Comparer<TaskIdentity?>.Default.Compare(left, right) < 0;

    public static bool operator <=(TaskIdentity? left, TaskIdentity? right) => Comparer<TaskIdentity?>.Default.Compare(left, right) <= 0;

    public static bool operator >(TaskIdentity? left, TaskIdentity? right) => Comparer<TaskIdentity?>.Default.Compare(left, right) > 0;

    public static bool operator >=(TaskIdentity? left, TaskIdentity? right) => Comparer<TaskIdentity?>.Default.Compare(left, right) >= 0;
}
