using System.Text.RegularExpressions;

namespace Reconciler.Cli.Tests.Docs;

/// <summary>What the documentation tests do with a command: run it in a temporary copy, run it there in the slow set, or skip it for a stated reason.</summary>
internal enum DocCommandAction
{
    Run,
    RunSlow,
    Skip,
}

/// <summary>One row of <see cref="DocCommandRules"/>: the commands it matches, what is done with them, why, and where they run.</summary>
/// <param name="Directory">Working directory inside the copy ("" is its root, where the repository's files are).</param>
/// <param name="Prints">Text the documentation says the command prints, checked in its output.</param>
internal sealed record DocCommandRule(string Pattern, DocCommandAction Action, string Why, string Directory = "", string? Prints = null)
{
    public bool Matches(DocCommand command) => Regex.IsMatch(command.Text, Pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
}

/// <summary>
/// Every shell command in README.md, docs/*.md and sample-repo/README.md is matched by one row here (first match wins);
/// a command that no row matches fails <c>DocLinkTests.EveryShellCommand_IsRunOrSkippedWithAReason</c>, so a new
/// command in the docs is either tested or skipped on purpose. Commands run in a copy of the files they need, with
/// <c>reconciler</c> on the PATH (the CLI these tests were built with), and <c>dotnet run --project src/Reconciler.Cli --</c>
/// read as <c>reconciler</c>, which is what it runs.
/// </summary>
internal static class DocCommandRules
{
    private const string Benchmark = "a benchmark: minutes of measurement, not behaviour (docs/performance.md keeps its figures)";
    private const string RunningService = "asks a running service (StatusAndSyncCommandTests runs it against one)";
    private const string CiStep = "a step of a GitHub Actions job, with placeholders (`...`, $BASE_REF) filled in by the workflow";

    public static readonly IReadOnlyList<DocCommandRule> All =
    [
        new(@"^dotnet test( |$)", DocCommandAction.Skip, "the test suite itself, of which this test is a part"),
        new(@"^dotnet run --project src/Reconciler\.Cli -- apply sample-repo --simulator --auto-approve$", DocCommandAction.Run, "the quick start",
            Prints: "Apply: 18 applied, 0 blocked (running), 0 rejected, 0 failed."),
        new(@"^dotnet run --project src/Reconciler\.Cli -- validate sample-repo$", DocCommandAction.Run, "", Prints: "19 task manifest(s) valid in 15 file(s)."),
        new(@"^dotnet run --project src/Reconciler\.Cli -- ", DocCommandAction.Run, ""),
        new(@"^dotnet pack src/Reconciler\.Cli ", DocCommandAction.RunSlow, "a Release build of the CLI"),
        new(@"^dotnet tool install --global TaskReconciler\.Cli --source \./feed", DocCommandAction.RunSlow,
            "installed with --tool-path tools instead of --global, so the test never touches the machine's tools"),
        new(@"^reconciler --version$", DocCommandAction.RunSlow, "the installed tool", Prints: "0.1.0"),
        new(@"^dotnet publish src/Reconciler\.Cli ", DocCommandAction.RunSlow, "a Release publish of the CLI"),
        new(@"^dotnet publish src/Reconciler\.Validate ", DocCommandAction.Skip, "the native AOT publish (clang, a minute or more): NativeValidatePublishTests runs it and compares the executable with the CLI"),
        new(@"^git diff --cached --name-only .*\| while read -r f; do reconciler-validate ", DocCommandAction.Skip, "the body of a pre-commit hook (it reads what is staged in a commit); NativeValidateTests runs reconciler-validate on single files"),
        new(@"^dotnet publish src/Reconciler\.NativePlan ", DocCommandAction.Skip, "the native AOT publish (clang, a minute or more): NativePlanPublishTests runs it and compares the executable with the CLI"),
        new(@"^(\./)?(out/(plan/)?)?reconciler-plan( |$)", DocCommandAction.Skip, "the native executable the publish above builds: NativePlanTests and NativePlanPublishTests run it on the same inputs as the CLI"),
        new(@"^(\./)?(out/)?reconciler-validate( |$)", DocCommandAction.Skip, "the native executable the publish above builds: NativeValidateTests and NativeValidatePublishTests run it on the same inputs as the CLI"),
        new(@"^(RECONCILER_API_TOKEN=\S+ )?reconciler import ", DocCommandAction.Skip, "reads the tasks of a real platform account (its token and the internet)"),
        new(@"^reconciler plan \. +# Plan:", DocCommandAction.Skip, "plans the manifests the import above it wrote"),
        new(@"^git add tasks && git commit ", DocCommandAction.Skip, "commits the manifests the import above it wrote"),
        new(@"^reconciler (validate|plan|apply) +manifests ", DocCommandAction.Skip,
            "a session on the reader's own manifests folder (a 300-row set, or the plan to save): TaskSetRoundTripProcessTests and SavedPlanProcessTests run these steps as processes against the simulator"),
        new(@"^reconciler apply plan\.out +--api-url https://", DocCommandAction.Skip, "sends the saved plan to the real platform (SavedPlanProcessTests applies saved plans to the simulator)"),
        new(@"reconciler run --repo https://", DocCommandAction.Skip, "follows a repository on github.com and applies to the real platform"),
        new(@"^bench/run", DocCommandAction.Skip, "installs ajv-cli and @sourcemeta/jsonschema from the npm registry and measures for about an hour"),
        new(@"^bench/aot/run", DocCommandAction.Skip, "installs clang and publishes with native AOT (minutes on 2 cores), then measures: a benchmark, kept out of CI's time budget"),
        new(@"^bench/sizes", DocCommandAction.Skip, "several Release publishes and start-up timings: a measurement (the pack and publish commands above run in the slow set)"),
        new(@"^dotnet run -c Release --project src/Reconciler\.Benchmarks -- ", DocCommandAction.Skip, Benchmark),
        new(@"^dotnet build -c Release src/Reconciler\.Cli && dotnet run -c Release --project src/Reconciler\.Benchmarks -- takeover", DocCommandAction.Skip,
            Benchmark + "; it also needs a PostgreSQL server and its credentials (… in the command)"),
        new(@"reconciler state migrate ", DocCommandAction.Skip, "moves a production state into a PostgreSQL server at a placeholder address (PostgresTransferTests runs the migration)"),
        new(@"^reconciler plan \. --format json > plan\.json$", DocCommandAction.Run, "", Directory: "sample-repo"),
        new(@"^jq ", DocCommandAction.Run, "reads the plan.json written above", Directory: "sample-repo"),
        new(@"^reconciler plan \. --github-repo ", DocCommandAction.Skip, "posts a comment and a commit status to GitHub"),
        new(@"^(code=0|case ""\$code"" in .*)$", DocCommandAction.Skip, CiStep),
        new(@"^reconciler plan \. --base ""origin/\$BASE_REF"" \.\.\. ", DocCommandAction.Skip, CiStep),
        new(@"^export RECONCILER_\w+=\.\.\.", DocCommandAction.Skip, "sets a secret (a placeholder) for the service started below it"),
        new(@"^reconciler status$", DocCommandAction.Skip, RunningService),
        new(@"^RECONCILER_SYNC_TOKEN=\S+ reconciler (sync|rollback) ", DocCommandAction.Skip, RunningService + "; RollbackServiceCommandTests rolls back through one"),
        new(@"^(git log --oneline -2|git revert --no-edit \w+ && git push)( |$)", DocCommandAction.Skip,
            "the rollback walkthrough's repository with a bad change on main (ServiceRollbackTests and RollbackServiceCommandTests run its steps)"),
        new(@"^reconciler rollback --to \w+ --repo https://", DocCommandAction.Skip, "rolls back a repository on github.com against the real platform (RollbackCommandTests runs it against the simulator)"),
        new(@"^RECONCILER_NOTIFY=""https://", DocCommandAction.Skip, "an example value of a variable, with robot keys as placeholders: nothing to run"),
        new(@"^(sudo |systemctl )", DocCommandAction.Skip, "installs and starts a systemd service as root"),
    ];

    public static DocCommandRule? For(DocCommand command) => All.FirstOrDefault(r => r.Matches(command));
}
