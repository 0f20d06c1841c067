namespace Reconciler.Cli.Tests.Docs;

/// <summary>One command of a shell block in a markdown file: continuation lines joined, where it is written.</summary>
internal sealed record DocCommand(string File, int Line, string Text)
{
    private static readonly string[] ShellLanguages = ["sh", "bash", "shell", "console"];

    public string Where => $"{File}:{Line}";

    /// <summary>
    /// The commands of every shell block: lines joined where they end in <c>\</c>; comment-only and blank lines dropped; in a
    /// <c>console</c> block only the lines typed after <c>$ </c> (the rest is output).
    /// </summary>
    public static IEnumerable<DocCommand> In(MarkdownDocument document, string relativePath)
    {
        foreach (var block in document.Blocks.Where(b => ShellLanguages.Contains(b.Language, StringComparer.Ordinal)))
        {
            var pending = "";
            var pendingLine = 0;
            for (var i = 0; i < block.Lines.Count; i++)
            {
                var line = block.Lines[i];
                if (block.Language == "console")
                {
                    if (line.StartsWith("$ ", StringComparison.Ordinal))
                    {
                        yield return new DocCommand(relativePath, block.FirstLine + i, line[2..].Trim());
                    }

                    continue;
                }

                if (pending.Length == 0 && (line.Trim().Length == 0 || line.TrimStart().StartsWith('#')))
                {
                    continue;
                }

                pendingLine = pending.Length == 0 ? block.FirstLine + i : pendingLine;
                var continued = line.TrimEnd().EndsWith('\\');
                pending += (pending.Length == 0 ? "" : " ") + (continued ? line.TrimEnd()[..^1] : line).Trim();
                if (!continued)
                {
                    yield return new DocCommand(relativePath, pendingLine, pending);
                    pending = "";
                }
            }
        }
    }
}
