namespace Reconciler.Core.Manifests;

/// <summary>
/// The one definition of when two manifests name the same task, and when they only look alike.
/// </summary>
/// <remarks>
/// <para><b>Same task</b>: <c>user_id</c> and <c>task_id</c> are equal as the exact text that goes into the
/// PUT's path (<c>/user/{user_id}/task/{task_id}</c>), compared ordinally. An id written as a YAML integer
/// is that integer's decimal digits (<c>task_id: 10</c> is <c>10</c>); an id written as a string is the string
/// (<c>"010"</c> stays <c>010</c>). An id must be an integer literal or a string: <c>1e3</c> is refused, not read
/// as 1000. This is <see cref="TaskIdentity"/>'s record equality.</para>
/// <para><b>Look-alikes</b>: the API document does not say whether the platform compares ids ignoring
/// letter case (UUIDs are hex) or leading zeros, so two identities whose <see cref="LooseKey"/> is equal but
/// whose text differs (<c>ABC…</c> / <c>abc…</c>, <c>010</c> / <c>10</c>) may be one task on the platform. Both
/// manifests are then invalid until one spelling is chosen: applying both could make two manifests fight
/// over one task.</para>
/// </remarks>
internal static class IdentityComparison
{
    /// <summary>Whether two identities are the same task (exact text of both path parameters).</summary>
    public static bool AreSame(TaskIdentity a, TaskIdentity b) => a == b;

    /// <summary>The identity with letter case and leading zeros of all-digit ids folded away: equal keys with different text are look-alikes.</summary>
    public static string LooseKey(TaskIdentity identity) => $"{Fold(identity.UserId)}/{Fold(identity.TaskId)}";

    private static string Fold(string id)
    {
        if (id.Length > 0 && id.All(char.IsAsciiDigit))
        {
            var trimmed = id.TrimStart('0');
            return trimmed.Length == 0 ? "0" : trimmed;
        }

        return id.ToLowerInvariant();
    }
}
