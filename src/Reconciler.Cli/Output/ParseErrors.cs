using System.CommandLine;
using Reconciler.Core.Text;

namespace Reconciler.Cli.Output;

/// <summary>
/// What a mistyped command line gets: each problem on one line, a "did you mean" for a near miss, and where the
/// help is; never the whole help, which would push the error off the screen.
/// </summary>
internal static class ParseErrors
{
    public static async Task WriteAsync(ParseResult parse, TextWriter error)
    {
        var command = parse.CommandResult.Command;
        var lines = new List<string>();
        // An unknown --option before DIR is taken as DIR by the parser: report it as the option it looks like.
        var misread = parse.Tokens.Where(t => t.Type == System.CommandLine.Parsing.TokenType.Argument && t.Value.StartsWith("--", StringComparison.Ordinal)).Select(t => t.Value);
        foreach (var token in misread.Concat(parse.UnmatchedTokens).Distinct())
        {
            var option = token.StartsWith('-');
            var candidates = option
                ? command.Options.Where(o => !o.Hidden).SelectMany(o => o.Aliases.Append(o.Name)).Where(n => n.StartsWith("--", StringComparison.Ordinal))
                : command.Subcommands.Where(c => !c.Hidden).Select(c => c.Name);
            var what = option ? "option" : command.Subcommands.Count > 0 ? "command" : "argument";
            var hint = Closest(token, candidates) is { } near ? $" Did you mean '{near}'?" : "";
            lines.Add($"unknown {what} '{token}'.{hint}");
        }

        foreach (var problem in parse.Errors.Select(e => e.Message))
        {
            if (problem.StartsWith("Unrecognized command or argument", StringComparison.Ordinal))
            {
                continue; // said above, with a suggestion
            }

            if (problem == "Required command was not provided.")
            {
                if (lines.Count == 0)
                {
                    lines.Add("a command is needed.");
                }

                continue;
            }

            lines.Add(problem);
        }

        foreach (var line in lines.Distinct())
        {
            await error.WriteLineAsync("reconciler: error: " + ControlText.Escape(line));
        }

        var path = command is RootCommand ? "" : command.Name + " ";
        await error.WriteLineAsync($"See 'reconciler {path}--help'.");
    }

    /// <summary>The candidate nearest to <paramref name="typed"/> by edit distance, when near enough to be a typo.</summary>
    public static string? Closest(string typed, IEnumerable<string> candidates)
    {
        var best = candidates.Distinct().Select(c => (Name: c, Distance: Distance(typed.ToLowerInvariant(), c.ToLowerInvariant())))
            .OrderBy(c => c.Distance).ThenBy(c => c.Name, StringComparer.Ordinal).FirstOrDefault();
        return best.Name is not null && best.Distance <= Math.Max(2, typed.Length / 3) ? best.Name : null;
    }

    private static int Distance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);

                // A swap of two neighbours (vaildate) counts as one edit.
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    current[j] = Math.Min(current[j], previous[j - 2 < 0 ? 0 : j - 2] + 1);
                }
            }

            previous = current;
        }

        return previous[b.Length];
    }
}
