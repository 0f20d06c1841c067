namespace Reconciler.Cli.Commands;

/// <summary>How <c>apply</c> behaves around the plan, for a plan made now and for a saved one alike.</summary>
/// <param name="MaxPlanAge">The oldest a saved plan may be (<c>--max-plan-age</c>).</param>
internal sealed record ApplyFlags(bool AutoApprove, bool ListGrouped, IReadOnlyList<string> Notify, TimeSpan MaxPlanAge);
