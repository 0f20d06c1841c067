using System.Globalization;

namespace Reconciler.Core.Rendering;

/// <summary>
/// One group of identical changes in a markdown plan: the head (the change once, the accounts, what every task
/// shares, and the opening of the collapsed task list), the member lines, and the close. Members are cut before any
/// distinct change; a cut list ends with a line saying how many were left out.
/// </summary>
/// <param name="Total">Members the group has (the list may hold fewer: <see cref="Members"/> is what is shown).</param>
internal sealed record MarkdownGroup(int Number, string Head, IReadOnlyList<string> Members, int Total)
{
    public const string Close = "\n</details>\n\n";

    /// <summary>What keeping the head costs: head, close, and the longest "left out" line this group can need.</summary>
    public int HeadCost => Head.Length + Close.Length + LeftOutLine(Total).Length;

    public MarkdownGroup Keeping(IReadOnlyList<string> members) => this with { Members = members };

    public void WriteTo(TextWriter output)
    {
        output.Write(Head);
        foreach (var member in Members)
        {
            output.Write(member);
        }

        if (Members.Count < Total)
        {
            output.Write(LeftOutLine(Total - Members.Count));
        }

        output.Write(Close);
    }

    private static string LeftOutLine(int count) =>
        string.Create(CultureInfo.InvariantCulture, $"- … and {count:N0} more, left out to fit (see the note below)\n");
}
