using Reconciler.Cli.Commands;
using Reconciler.Validate;

namespace Reconciler.NativePlan;

/// <summary>The command line of <c>reconciler-plan</c>: the options of <c>reconciler plan</c> that need no git, network or PostgreSQL.</summary>
/// <param name="State">The <c>--state</c> given, or null for the CLI's default file.</param>
internal sealed record PlanArguments(
    string? Path, string? State, PlanFormat Format, bool ListGrouped, bool DetailedExitCode, IReadOnlyList<string> Targets, IReadOnlyList<string> Include, IReadOnlyList<string> Exclude, bool Help, bool Version)
{
    /// <summary>Where the CLI's plan looks for the state when none is given (<c>StateOptions.DefaultPath</c>; a test checks they agree).</summary>
    public const string DefaultState = ".reconciler/state.db";

    public const string Usage = """
        Usage: reconciler-plan [DIR] [--state FILE] [--format text|json|markdown|github] [--list-grouped]
                               [--detailed-exitcode] [--target TASK_FILE_OR_SET]... [--include GLOB]... [--exclude GLOB]...

        Show what apply would change, as `reconciler plan DIR` does (same plan, same output, same exit codes),
        compiled to a native executable that starts in milliseconds: for editor, pre-commit and CI hooks. DIR is
        a directory of manifests (default: the current directory); the state is an SQLite file (default:
        .reconciler/state.db; a missing file plans every task as new). Nothing is sent to the platform and the
        state is only read. For --refresh, --base, --repo, --out, --github-repo/--pr or a PostgreSQL state, use
        `reconciler plan`.

        Exit codes: 0 success, 1 error or invalid manifests, 2 changes present (only with --detailed-exitcode).
        """;

    /// <summary>The options of <c>reconciler plan</c> this executable does not read, and the reason it gives.</summary>
    private static readonly HashSet<string> NeedsTheCli = new(StringComparer.Ordinal)
    {
        "--refresh", "--simulator", "--api-url", "--parallelism", "--max-rps", "--base", "--head", "--repo", "--ref", "--path",
        "--cache-dir", "--out", "--github-repo", "--pr", "--sha", "--github-api-url", "--require-publish",
    };

    /// <summary>The arguments, or the problem with them (worded like the CLI's parse errors).</summary>
    public static (PlanArguments? Arguments, string? Problem) Parse(IReadOnlyList<string> args)
    {
        var (read, problem) = NativeArguments.Parse(
            args,
            single: ["--state", "--format"],
            repeated: ["--target", "--include", "--exclude"],
            switches: ["--list-grouped", "--detailed-exitcode"],
            refused: name => NeedsTheCli.Contains(name) ? $"{name} needs git, the network or PostgreSQL: use `reconciler plan {name} ...`" : null);
        if (read is null)
        {
            return (null, problem);
        }

        var format = PlanFormat.Text;
        if (read.Last("--format") is { } typed && !TryFormat(typed, out format))
        {
            // The CLI's EnumOption words it so.
            return (null, $"'{typed}' is not a value of --format: use text, json, markdown, github");
        }

        if (read.Last("--state") is { } state && Core.State.StateSpecKind.IsPostgres(state))
        {
            // Never taken for a file path: a plan against a state that does not exist would call every task new.
            return (null, "--state names a PostgreSQL database: use `reconciler plan --state ...` (reconciler-plan reads an SQLite file)");
        }

        return (new PlanArguments(
            read.Path, read.Last("--state"), format, read.Has("--list-grouped"), read.Has("--detailed-exitcode"), read.All("--target"), read.All("--include"), read.All("--exclude"),
            read.Has(NativeArguments.Help), read.Has(NativeArguments.Version)), null);
    }

    private static bool TryFormat(string text, out PlanFormat format)
    {
        // As EnumOption reads it: a member's name in any letter case, never a number.
        format = text.ToLowerInvariant() switch
        {
            "text" => PlanFormat.Text,
            "json" => PlanFormat.Json,
            "markdown" => PlanFormat.Markdown,
            "github" => PlanFormat.GitHub,
            _ => (PlanFormat)(-1),
        };
        return Enum.IsDefined(format);
    }
}
