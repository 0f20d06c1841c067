using Reconciler.Core.Planning;
using Reconciler.Core.State;

namespace Reconciler.Core.Applying;

/// <summary>How applying one plan entry ended.</summary>
/// <param name="Stopped">The task was stopped (task_stop) before its update, as its manifest allowed.</param>
public sealed record TaskApplyResult(PlanEntry Entry, ApplyOutcome Outcome, int? ApiCode, string? Message, TimeSpan Duration, bool Stopped = false);
