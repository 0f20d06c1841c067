namespace Reconciler.Core.Validation.Fast;

/// <summary>
/// What the compiled fast check knows about an instance. Only <see cref="Valid"/> is acted upon (the full
/// evaluation is skipped); <see cref="Invalid"/> and <see cref="Unknown"/> both go to JsonSchema.Net, which
/// decides and words the errors. <see cref="Invalid"/> exists so that <c>not</c> can be decided.
/// </summary>
internal enum Verdict
{
    Valid,
    Invalid,

    /// <summary>Something the fast check does not decide exactly (a fraction, a number beyond decimal, ...).</summary>
    Unknown,
}
