namespace Reconciler.Core.Planning;

/// <summary>Why an entry is an <see cref="PlanAction.Update"/>.</summary>
public enum UpdateReason
{
    /// <summary>The desired body differs from the compared-with body.</summary>
    Changed,

    /// <summary>The last attempt's result is unknown (answer lost, crash, cancellation): the desired body is sent again.</summary>
    InDoubt,

    /// <summary>The live task on the platform differs from the desired body (read with refresh).</summary>
    Drift,
}
