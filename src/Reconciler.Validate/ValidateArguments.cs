namespace Reconciler.Validate;

/// <summary>
/// The command line of <c>reconciler-validate</c>: the options of <c>reconciler validate</c> that need no git, read by
/// hand (System.CommandLine's start-up is what this executable exists to avoid).
/// </summary>
internal sealed record ValidateArguments(string? Path, bool Json, IReadOnlyList<string> Include, IReadOnlyList<string> Exclude, bool Help, bool Version)
{
    public const string Usage = """
        Usage: reconciler-validate [PATH] [--format text|json] [--include GLOB]... [--exclude GLOB]...

        Validate task manifests against the JSON Schemas and the API document's rules, as
        `reconciler validate PATH` does (same checks, same output, same exit codes), compiled to a native
        executable that starts in milliseconds: for editor and pre-commit hooks. PATH is a directory of
        manifests or one manifest file (default: the current directory). For a git repository (--repo),
        use `reconciler validate`.

        Exit codes: 0 every manifest valid, 1 any invalid, none found, or a usage error.
        """;

    /// <summary>The arguments, or the problem with them (worded like the CLI's parse errors).</summary>
    public static (ValidateArguments? Arguments, string? Problem) Parse(IReadOnlyList<string> args)
    {
        string? path = null;
        var json = false;
        bool help = false, version = false;
        var include = new List<string>();
        var exclude = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            var (name, inline) = arg.StartsWith("--", StringComparison.Ordinal) && arg.IndexOfAny(['=', ':']) is var at and > 2
                ? (arg[..at], arg[(at + 1)..])
                : (arg, null);
            switch (name)
            {
                case "-h" or "-?" or "--help":
                    help = true;
                    break;
                case "--version":
                    version = true;
                    break;
                case "--format" or "--include" or "--exclude":
                    var value = inline ?? (i + 1 < args.Count ? args[++i] : null);
                    if (value is null)
                    {
                        return (null, $"Required argument missing for option: '{name}'.");
                    }

                    if (name == "--format")
                    {
                        if (!string.Equals(value, "text", StringComparison.OrdinalIgnoreCase) && !string.Equals(value, "json", StringComparison.OrdinalIgnoreCase))
                        {
                            return (null, $"Argument '{value}' not recognized. Must be one of: 'text', 'json'.");
                        }

                        json = string.Equals(value, "json", StringComparison.OrdinalIgnoreCase);
                    }
                    else
                    {
                        (name == "--include" ? include : exclude).Add(value);
                    }

                    break;
                case "--repo" or "--ref" or "--path" or "--cache-dir":
                    return (null, $"{name} reads a git repository: use `reconciler validate {name} ...`");
                default:
                    if (name.StartsWith('-') && name.Length > 1)
                    {
                        return (null, $"Unrecognized command or argument '{arg}'.");
                    }

                    if (path is not null)
                    {
                        return (null, $"Unrecognized command or argument '{arg}'.");
                    }

                    path = arg;
                    break;
            }
        }

        return (new ValidateArguments(path, json, include, exclude, help, version), null);
    }
}
