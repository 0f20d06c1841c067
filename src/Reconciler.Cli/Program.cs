using Reconciler.Cli;

return await ReconcilerCli.RunAsync(args, CliConsole.FromProcess());
