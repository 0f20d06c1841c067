namespace Reconciler.Core.Tests.Loading;

/// <summary>Small random edits of a YAML text, biased towards what YAML treats specially.</summary>
internal static class YamlMutations
{
    private static readonly string[] Tokens =
    [
        " ", "  ", "\n", ":", ": ", "-", "- ", "#", " #", "'", "\"", "''", "[", "]", "{", "}", ",", ", ", "&a ", "*a", "!", "!!str ", "|", ">",
        "\t", "\r\n", "\r", "0", "1", "a", "中", "😀", "~", "\\", "\\n", "---\n", "...\n", "---", "?", "? ", "<<: ", "%", "@", "`", "null", "true",
        "0x1F", "010", "0o7", ".inf", "1e3", "-0", "+1", "9007199254740993", "09:00", "\u0085", "\u00A0", "\u2028", "\uFEFF", "\0", "key: value\n",
        "- x\n", "[a, b]", "{a: 1}",
    ];

    public static string Apply(string text, Random random, int count)
    {
        for (var i = 0; i < count; i++)
        {
            text = ApplyOne(text, random);
        }

        return text;
    }

    private static string ApplyOne(string text, Random random)
    {
        var lines = text.Split('\n').ToList();
        var line = random.Next(lines.Count);
        var at = random.Next(text.Length + 1);
        switch (random.Next(8))
        {
            case 0:
            case 1:
                return text.Insert(at, Tokens[random.Next(Tokens.Length)]);
            case 2:
                return at < text.Length ? text.Remove(at, Math.Min(1 + random.Next(3), text.Length - at)) : text;
            case 3:
                return at < text.Length ? text.Remove(at, 1).Insert(at, Tokens[random.Next(Tokens.Length)]) : text;
            case 4:
                lines.Insert(line, lines[line]);
                return string.Join('\n', lines);
            case 5:
                lines.RemoveAt(line);
                return string.Join('\n', lines);
            case 6:
                var shift = random.Next(-2, 3);
                lines[line] = shift >= 0 ? new string(' ', shift) + lines[line] : lines[line][Math.Min(-shift, lines[line].Length - lines[line].TrimStart(' ').Length)..];
                return string.Join('\n', lines);
            default:
                if (line + 1 < lines.Count)
                {
                    (lines[line], lines[line + 1]) = (lines[line + 1], lines[line]);
                }

                return string.Join('\n', lines);
        }
    }
}
