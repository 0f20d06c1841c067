using System.Globalization;

namespace Reconciler.State.Postgres;

/// <summary>Who asks for the apply lock: written into <c>leader_terms</c> so every replica can say who leads.</summary>
public sealed record ReplicaIdentity(string Name, string Host, int ProcessId)
{
    /// <summary>This process: <c>host:pid</c>, with a prefix for a one-off command (<c>apply@host:pid</c>).</summary>
    public static ReplicaIdentity Current(string? role = null)
    {
        var host = Environment.MachineName;
        var pid = Environment.ProcessId;
        var name = string.Create(CultureInfo.InvariantCulture, $"{host}:{pid}");
        return new ReplicaIdentity(role is null ? name : $"{role}@{name}", host, pid);
    }
}
