using System.Text;
using System.Text.RegularExpressions;

namespace Reconciler.Cli.Tests.Hostile;

/// <summary>
/// Mutated manifests for the fuzz test, from a seeded <see cref="Random"/> (the same seed, the same files): the sample
/// repository's manifests with one to three of numbers at and past every limit, control characters, tags, anchors and
/// aliases, block scalars, flow style, duplicate keys and byte-level damage (invalid UTF-8, BOM, CR, NUL, truncation).
/// </summary>
internal static partial class ManifestFuzz
{
    private static readonly string[] Numbers =
    [
        "0", "-0", "-1", "1", "2", "3", "4", "10", "11", "12", "13", "59", "60", "61", "100", "101", "2147483647", "2147483648",
        "9007199254740992", "9007199254740993", "9223372036854775807", "9223372036854775808", "-9223372036854775809",
        "18446744073709551616", "79228162514264337593543950335", "79228162514264337593543950336", "1e29", "-1e29", "1e400",
        "-1e400", "1e-400", "1.0", "2.0", "0.5", "1e2", "4e0", "0x1F", "0o17", "+7", "007", ".inf", "-.inf", ".nan",
        "1e999999999", "1e1234567890", "2.0000000000000000000000000001", new string('9', 400), "1" + new string('0', 5000),
    ];

    private static readonly string[] Texts =
    [
        "\"\"", "\"   \"", "\"\\t\"", "\"\\u3000\"", "\"x\\n\"", "\"x\\r\"", "\"\\e[2J\"", "\"abc\\u202Efed\"", "\"\\0\"", "\"\\x85\"",
        "\"\\u2028\"", "\"<at user_id=\\\"all\\\">所有人</at>\"", "\"@everyone @org/team #12\"", "\"<!-- task-reconciler:plan -->\"",
        "\"..\"", "\"a/b\"", "\"😀\"", "'it''s'", "~", "null", "true", "yes", "09:00", "25:00", "\"2026-02-30 00:00:00\"",
        "\"2026-12-23 19:00:00\\n\"", "\"\\uFEFF\"", "\"" + new string('长', 3000) + "\"",
    ];

    private static readonly string[] Tags = ["! ", "!!str ", "!!int ", "!!float ", "!!bool ", "!!null ", "!foo ", "!!binary ", "!<tag:yaml.org,2002:str> ", "!!map ", "!!seq "];

    private static readonly string[] Flows =
    [
        "[1, 2", "{a: 1", "[a, {b: c]", "{}", "[]", "[1, 1, 1]", "{id: x, limit: 2}", "[{id: x, limit: 2}, {id: x, limit: 2}]",
        new string('[', 80) + new string(']', 80), "{a: 1, a: 2}", "[a, b}", "{? [a] : 1}",
    ];

    private static readonly string[] Blocks = ["|", "|-", "|+", ">", ">-", "|2", "| # note"];

    /// <summary>The bytes of mutated manifest number <paramref name="index"/>, built from <paramref name="bases"/>.</summary>
    public static byte[] Make(IReadOnlyList<string> bases, int index, Random random)
    {
        var text = bases[index % bases.Count];
        var count = 1 + random.Next(3);
        var bytes = Array.Empty<byte>();
        for (var i = 0; i < count; i++)
        {
            var kind = random.Next(10);
            if (kind == 9)
            {
                bytes = Bytes(Encoding.UTF8.GetBytes(text), random);
                return bytes;
            }

            text = Text(text, kind, random);
        }

        return Encoding.UTF8.GetBytes(text);
    }

    private static string Text(string text, int kind, Random random)
    {
        var lines = text.Split('\n').ToList();
        var values = lines.Select((line, i) => (Line: line, Index: i)).Where(l => KeyValue().IsMatch(l.Line)).ToList();
        if (values.Count == 0)
        {
            return text + "\nx: " + Pick(Texts, random);
        }

        var (target, at) = values[random.Next(values.Count)];
        var match = KeyValue().Match(target);
        var head = match.Groups["head"].Value;
        var indent = new string(' ', match.Groups["indent"].Length + 2);
        lines[at] = kind switch
        {
            0 => head + Pick(Numbers, random),
            1 => head + Pick(Texts, random),
            2 => head + Pick(Tags, random) + match.Groups["value"].Value,
            3 => Anchor(head, match, random),
            4 => head + Pick(Blocks, random) + "\n" + indent + "line one\n" + new string(' ', indent.Length + random.Next(-2, 3)) + (random.Next(2) == 0 ? "" : "more") + (random.Next(3) == 0 ? "\n" + indent + "   " : ""),
            5 => head + Pick(Flows, random),
            6 => target + "\n" + target, // a duplicate key
            7 => head + RawControl(random) + match.Groups["value"].Value,
            _ => head + "&a [*a]",
        };
        var result = string.Join('\n', lines);
        return random.Next(8) == 0 ? result.TrimEnd('\n', ' ') : result; // sometimes no final line break
    }

    private static string Anchor(string head, Match match, Random random)
    {
        var value = match.Groups["value"].Value;
        return random.Next(5) switch
        {
            0 => head + "&v " + value + "\n" + match.Groups["indent"].Value + "remark_copy: *v",
            1 => match.Groups["indent"].Value + "&k " + head.TrimStart() + value + "\n" + match.Groups["indent"].Value + "alias_value: *k",
            2 => head + "*missing",
            3 => match.Groups["indent"].Value + "*k : " + value,
            _ => head + "&b [1, 2]\n" + match.Groups["indent"].Value + "bomb: [*b, *b, *b, *b, *b, *b, *b, *b]",
        };
    }

    private static string RawControl(Random random) =>
        ((char)new[] { 0x1B, 0x07, 0x7F, 0x85, 0x202E, 0x2028, 0xFEFF, 0x00, 0x09, 0x0D }[random.Next(10)]).ToString();

    private static byte[] Bytes(byte[] bytes, Random random)
    {
        var at = random.Next(bytes.Length + 1);
        return random.Next(7) switch
        {
            0 => [.. bytes[..at], 0xFF, .. bytes[at..]],                 // not UTF-8
            1 => [0xEF, 0xBB, 0xBF, .. bytes],                              // a byte-order mark
            2 => Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(bytes).Replace("\n", "\r\n", StringComparison.Ordinal)),
            3 => bytes[..at],                                               // truncated
            4 => [.. bytes[..at], 0x00, .. bytes[at..]],                    // NUL
            5 => [.. bytes, .. "\n---\n"u8, .. bytes],                      // the same task twice in one file
            _ => Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(bytes).Replace("  ", "\t", StringComparison.Ordinal)),
        };
    }

    private static string Pick(string[] values, Random random) => values[random.Next(values.Length)];

    // "  key: value" (value on the line; keys of the manifest's own form).
    [GeneratedRegex(@"^(?<head>(?<indent> *)(?:- )?[A-Za-z_]+: )(?<value>[^#\n]+?)\s*$")]
    private static partial Regex KeyValue();
}
