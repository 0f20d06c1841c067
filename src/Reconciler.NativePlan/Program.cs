using Reconciler.Cli;
using Reconciler.NativePlan;

return await PlanProgram.RunAsync(args, CliConsole.FromProcess());
