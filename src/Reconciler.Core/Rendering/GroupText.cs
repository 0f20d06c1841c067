using System.Globalization;
using Reconciler.Core.Planning;
using Reconciler.Core.Planning.Grouping;
using Reconciler.Core.Text;

namespace Reconciler.Core.Rendering;

/// <summary>
/// Phrases about groups of identical changes shared by the text and markdown formats, so the terminal and the
/// pull request say the same thing. Values from outside are escaped (<see cref="ControlText"/>) here.
/// </summary>
public static class GroupText
{
    /// <summary>How many changed fields the headline names before "+N more".</summary>
    public const int HeadlineFields = 3;

    /// <summary>Longest value the headline quotes whole; longer ones are shortened with "…" (the diff below has them whole).</summary>
    public const int HeadlineValueLength = 40;

    /// <summary>At most this many members are listed in the text format without <c>--list-grouped</c>.</summary>
    public const int ListedInline = 10;

    /// <summary><c>2,995 tasks in 4 accounts</c>.</summary>
    public static string Title(ChangeGroup group)
    {
        ArgumentNullException.ThrowIfNull(group);
        var accounts = group.Accounts.Count;
        return string.Create(CultureInfo.InvariantCulture, $"{group.Count:N0} tasks in {accounts:N0} account{(accounts == 1 ? "" : "s")}");
    }

    /// <summary>
    /// The change in words, one part per field: <c>spec.maximumcall 2 → 4</c>; for an adoption, that the bodies
    /// are the same apart from the name. <paramref name="code"/> formats field names and values, and escapes them
    /// (text: <see cref="ControlText"/>; markdown: a code span, so no value becomes markup or a mention).
    /// </summary>
    public static string Change(ChangeGroup group, Func<string, string> code)
    {
        ArgumentNullException.ThrowIfNull(group);
        ArgumentNullException.ThrowIfNull(code);
        if (group.Action == PlanAction.Adopt && !group.First.Refreshed)
        {
            return "new to tracking, the same body apart from the name";
        }

        var parts = group.Changes.Take(HeadlineFields).Select(c => $"{code("spec." + Planner.Display(c.Path))} {Values(c, code)}").ToList();
        var more = group.Changes.Count - HeadlineFields;
        return string.Join(", ", parts) + (more > 0 ? string.Create(CultureInfo.InvariantCulture, $" +{more:N0} more") : "");
    }

    /// <summary><c>5832d184-… 1,000 · 6a7f… 995</c>: every account with its count.</summary>
    public static string Accounts(ChangeGroup group, Func<string, string> code)
    {
        ArgumentNullException.ThrowIfNull(group);
        ArgumentNullException.ThrowIfNull(code);
        return string.Join(" · ", group.Accounts.Select(a => string.Create(CultureInfo.InvariantCulture, $"{code(a.UserId)} {a.Count:N0}")));
    }

    /// <summary>A warning every member carries, without a place (each member has it at its own file).</summary>
    public static string Warning(Reconciler.Core.Diagnostics.Diagnostic warning)
    {
        ArgumentNullException.ThrowIfNull(warning);
        var path = string.IsNullOrEmpty(warning.JsonPath) ? "" : $" ({warning.JsonPath})";
        return ControlText.Escape($"every task: warning: {warning.Message}{path}");
    }

    private static string Values(FieldChange change, Func<string, string> code) => change.Kind switch
    {
        _ when change.Elements.Count > 0 => $"{code(Short(change.Before))} → {code(Short(change.After))}",
        FieldChangeKind.Added => $"added: {code(Short(change.After))}",
        FieldChangeKind.Removed => $"removed (was {code(Short(change.Before))})",
        _ => $"{code(Short(change.Before))} → {code(Short(change.After))}",
    };

    // Cut between text elements, so a surrogate pair or a letter and its accent stay together.
    private static string Short(string? value)
    {
        if (value is null)
        {
            return "";
        }

        var elements = new StringInfo(value);
        return elements.LengthInTextElements <= HeadlineValueLength ? value : elements.SubstringByTextElements(0, HeadlineValueLength - 1) + "…";
    }
}
