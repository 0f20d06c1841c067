using System.Globalization;
using System.Text;

namespace Reconciler.GitHub;

/// <summary>GitHub rejects a commit status whose description exceeds 140 characters; fit it without breaking a character.</summary>
internal static class CommitStatusDescription
{
    public const int MaxLength = 140;
    private const string Ellipsis = "…";

    public static string Fit(string description, int maxLength = MaxLength)
    {
        var text = OneLine(description);
        if (text.Length <= maxLength)
        {
            return text;
        }

        // Cut on text-element boundaries so a surrogate pair or a combining sequence (e.g. an emoji, 任务) is never split.
        var builder = new StringBuilder(maxLength);
        var enumerator = StringInfo.GetTextElementEnumerator(text);
        while (enumerator.MoveNext())
        {
            var element = enumerator.GetTextElement();
            if (builder.Length + element.Length + Ellipsis.Length > maxLength)
            {
                break;
            }

            builder.Append(element);
        }

        return builder.ToString().TrimEnd() + Ellipsis;
    }

    // A status description is a single line on GitHub; line breaks and tabs would only show as noise.
    private static string OneLine(string text)
    {
        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }
}
