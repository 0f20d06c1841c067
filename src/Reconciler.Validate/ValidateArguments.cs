namespace Reconciler.Validate;

/// <summary>The command line of <c>reconciler-validate</c>: the options of <c>reconciler validate</c> that need no git.</summary>
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
        var (read, problem) = NativeArguments.Parse(
            args,
            single: ["--format"],
            repeated: ["--include", "--exclude"],
            switches: [],
            refused: name => name is "--repo" or "--ref" or "--path" or "--cache-dir" ? $"{name} reads a git repository: use `reconciler validate {name} ...`" : null);
        if (read is null)
        {
            return (null, problem);
        }

        var format = read.Last("--format") ?? "text";
        if (!string.Equals(format, "text", StringComparison.OrdinalIgnoreCase) && !string.Equals(format, "json", StringComparison.OrdinalIgnoreCase))
        {
            return (null, $"Argument '{format}' not recognized. Must be one of: 'text', 'json'.");
        }

        return (new ValidateArguments(read.Path, string.Equals(format, "json", StringComparison.OrdinalIgnoreCase), read.All("--include"), read.All("--exclude"), read.Has(NativeArguments.Help), read.Has(NativeArguments.Version)), null);
    }
}
