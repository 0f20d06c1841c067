using Reconciler.Cli;

return await ReconcilerCli.RunAsync(args, CliConsole.FromProcess());

// The Web SDK makes a top-level Program public (for WebApplicationFactory) unless it is declared: this is an
// entry point, not a library, and its tests see it through InternalsVisibleTo.
internal sealed partial class Program;
