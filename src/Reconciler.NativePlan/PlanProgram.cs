using System.Reflection;
using Reconciler.Cli;
using Reconciler.Cli.Commands;
using Reconciler.Cli.Output;
using Reconciler.Core.Planning;
using Reconciler.Core.Reconciling;
using Reconciler.Core.State;
using Reconciler.Core.Text;
using Reconciler.State;

namespace Reconciler.NativePlan;

/// <summary><c>reconciler-plan [DIR]</c>: <c>reconciler plan DIR</c> against an SQLite state, natively compiled.</summary>
internal static class PlanProgram
{
    public static async Task<int> RunAsync(string[] args, CliConsole console, CancellationToken cancellationToken = default)
    {
        // Every configured token is cut out of everything printed, and flagged where a manifest holds one, as in the CLI.
        var secrets = CliSecrets.Read(console.Environment, console.EnvironmentNames());
        if (!secrets.IsEmpty)
        {
            console = console with { Out = new RedactingTextWriter(console.Out, secrets), Error = new RedactingTextWriter(console.Error, secrets), Secrets = secrets };
        }

        try
        {
            var (arguments, problem) = PlanArguments.Parse(args);
            if (arguments is null)
            {
                await console.Error.WriteLineAsync($"reconciler-plan: {ControlText.Escape(problem!)}");
                await console.Error.WriteLineAsync("Try 'reconciler-plan --help'.");
                return ExitCodes.Error;
            }

            if (arguments.Help || arguments.Version)
            {
                await console.Out.WriteLineAsync(arguments.Help ? PlanArguments.Usage : Version());
                return ExitCodes.Success;
            }

            var plan = await PlanAsync(arguments, console, cancellationToken);
            await PlanOutput.WriteAsync(plan.Plan, plan.Prefix, arguments.Format, arguments.ListGrouped, console, cancellationToken);
            return PlanOutput.ExitCode(plan.Plan, arguments.DetailedExitCode);
        }
        catch (OperationCanceledException)
        {
            await console.Error.WriteLineAsync("reconciler: cancelled");
            return ExitCodes.Error;
        }
        catch (Exception e) when (e is CliException or StateStoreException or IOException or UnauthorizedAccessException)
        {
            // As the CLI says an expected failure: one plain line.
            await console.Error.WriteLineAsync($"reconciler: error: {ControlText.Escape(e.Message)}");
            return ExitCodes.Error;
        }
        finally
        {
            await console.Out.FlushAsync(cancellationToken);
            await console.Error.FlushAsync(cancellationToken);
        }
    }

    /// <summary>The steps of <c>PlanCommand.PlanAgainstStateAsync</c> for a directory, without a refresh: read, open the state if it exists, plan.</summary>
    private static async Task<(Plan Plan, string Prefix)> PlanAsync(PlanArguments arguments, CliConsole console, CancellationToken cancellationToken)
    {
        var typed = arguments.Path ?? ".";
        var directory = console.ResolvePath(typed);
        if (LocalManifests.IsFile(directory))
        {
            throw new CliException($"'{typed}' is a file: plan reads a whole directory of manifests (validate takes a single file)");
        }

        var (snapshot, prefix) = LocalManifests.Read(typed, directory, LocalManifests.Glob(arguments.Include, arguments.Exclude));
        var targets = arguments.Targets.Select(t => PlanTargets.Relative(t, console, directory)).ToList();
        var options = new PlanOptions(Refresh: false, targets.Count == 0 ? null : targets);
        await using var store = await SqliteStateSpec.OpenIfExistsAsync(SqliteStateSpec.FullPath(arguments.State ?? PlanArguments.DefaultState, console.WorkingDirectory), null, cancellationToken);
        var pending = await new PlanningEngine(new ReconcileSettings(4, RunningCheck: false), store, null, pipeline: console.NewPipeline(remember: false))
            .PlanAsync(snapshot, CompareWith.LiveState, options, cancellationToken);
        PlanTargets.Check(pending);
        return (pending.Plan, prefix);
    }

    private static string Version() =>
        typeof(PlanProgram).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
}
