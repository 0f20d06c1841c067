using System.Text.RegularExpressions;

namespace Reconciler.Core.Guardrails;

/// <summary>The approver names GitHub can have: a login (letters, digits, single hyphens) or a team <c>@org/team-slug</c>.</summary>
public static partial class ApproverNames
{
    public static bool IsValid(string approver) => Login().IsMatch(approver) || Team().IsMatch(approver);

    /// <summary>Splits <c>@org/team</c> into its organisation and team slug.</summary>
    public static (string Org, string Team) SplitTeam(string approver)
    {
        var slash = approver.IndexOf('/', StringComparison.Ordinal);
        return (approver[1..slash], approver[(slash + 1)..]);
    }

    [GeneratedRegex("^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}\\z")]
    private static partial Regex Login();

    [GeneratedRegex("^@[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}/[A-Za-z0-9][A-Za-z0-9_.-]{0,99}\\z")]
    private static partial Regex Team();
}
