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
        var unknownCommandSaid = false;
        var afterUnknownOption = false;
        foreach (var token in misread.Concat(parse.UnmatchedTokens).Distinct())
        {
            var option = token.StartsWith('-');
            if (!option && (afterUnknownOption || (command.Subcommands.Count > 0 && unknownCommandSaid)))
            {
                // `vaildate .`: the words after a mistyped command are its arguments, not more commands;
                // `status --listen 127.0.0.1:0`: the word after an unknown option is its value.
                afterUnknownOption = false;
                continue;
            }

            unknownCommandSaid |= !option && command.Subcommands.Count > 0;
            afterUnknownOption = option && !token.Contains('=', StringComparison.Ordinal);
            lines.Add(option ? UnknownOption(token, command, parse.RootCommandResult.Command) : NotASwitchValue(parse, token, command) ?? UnknownWord(token, command));
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

        await error.WriteLineAsync($"See '{CommandPath(parse.CommandResult)} --help'.");
    }

    /// <summary>
    /// An option this command does not have: the nearest one it does have (never the very name typed), and which
    /// commands have the name typed, so <c>status --listen</c> points at <c>run</c> instead of suggesting itself.
    /// </summary>
    private static string UnknownOption(string token, Command command, Command root)
    {
        var name = token.Split('=', 2)[0];
        var candidates = Names(command).Where(n => n != name);
        var hint = Closest(name, candidates) is { } near ? $" Did you mean '{near}'?" : "";
        var owners = Commands(root, "reconciler").Where(c => c.Command != command && Names(c.Command).Contains(name)).Select(c => $"'{c.Path}'").ToList();
        var elsewhere = owners.Count == 0 ? "" : $" '{name}' is an option of {Join(owners)}.";
        return $"unknown option '{name}'.{hint}{elsewhere}";
    }

    /// <summary><c>--self-heal=maybe</c>: a switch takes true or false; any other word after it is not its value.</summary>
    private static string? NotASwitchValue(ParseResult parse, string word, Command command)
    {
        var tokens = parse.Tokens;
        var at = tokens.ToList().FindIndex(t => t.Value == word && t.Type == System.CommandLine.Parsing.TokenType.Argument);
        var previous = at > 0 && tokens[at - 1].Type == System.CommandLine.Parsing.TokenType.Option ? tokens[at - 1].Value : null;
        var option = command.Options.FirstOrDefault(o => o.Name == previous || o.Aliases.Contains(previous ?? ""));
        return option is not null && (option.ValueType == typeof(bool) || option.ValueType == typeof(bool?))
            ? $"'{word}' is not a value of {option.Name}: use true or false ({option.Name} alone means true)."
            : null;
    }

    private static string UnknownWord(string token, Command command)
    {
        var what = command.Subcommands.Count > 0 ? "command" : "argument";
        var hint = command.Subcommands.Count > 0 && Closest(token, command.Subcommands.Where(c => !c.Hidden).Select(c => c.Name)) is { } near ? $" Did you mean '{near}'?" : "";
        return $"unknown {what} '{token}'.{hint}";
    }

    private static IEnumerable<string> Names(Command command) =>
        command.Options.Where(o => !o.Hidden).SelectMany(o => o.Aliases.Append(o.Name)).Where(n => n.StartsWith("--", StringComparison.Ordinal)).Distinct();

    /// <summary>Every command under <paramref name="command"/> (itself first), with its full path (<c>reconciler state show</c>).</summary>
    private static IEnumerable<(Command Command, string Path)> Commands(Command command, string path) =>
        command.Subcommands.Where(c => !c.Hidden).SelectMany(c => Commands(c, path + " " + c.Name)).Prepend((command, path));

    /// <summary>The command typed, from the root: <c>reconciler state list</c>.</summary>
    private static string CommandPath(System.CommandLine.Parsing.CommandResult result)
    {
        var names = new List<string>();
        for (System.CommandLine.Parsing.SymbolResult? at = result; at is not null; at = at.Parent)
        {
            if (at is System.CommandLine.Parsing.CommandResult { Command: var c })
            {
                names.Insert(0, c is RootCommand ? "reconciler" : c.Name);
            }
        }

        return string.Join(' ', names);
    }

    private static string Join(List<string> items) =>
        items.Count == 1 ? items[0] : string.Join(", ", items.Take(items.Count - 1)) + " and " + items[^1];

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
