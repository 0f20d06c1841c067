using Reconciler.Core.Manifests;
using Reconciler.Core.Planning;

namespace Reconciler.Core.Reconciling;

/// <summary>
/// The two named baselines a plan can be made against: the live state store (what was applied: <c>apply</c>,
/// the service, the service's pull-request plans) or the manifests of a base revision (a CI pull-request plan,
/// pure git). Each has its own comment marker and commit status context.
/// </summary>
public sealed record CompareWith
{
    private CompareWith(BaselineKind kind, SourceSnapshot? baseSnapshot)
    {
        Kind = kind;
        BaseSnapshot = baseSnapshot;
    }

    /// <summary>The state store's last-applied records and in-doubt intents.</summary>
    public static CompareWith LiveState { get; } = new(BaselineKind.LiveState, null);

    public BaselineKind Kind { get; }

    /// <summary>For <see cref="BaselineKind.BaseRevision"/>: the manifests at the base revision (its <c>Revision</c> set).</summary>
    public SourceSnapshot? BaseSnapshot { get; }

    public static CompareWith BaseRevision(SourceSnapshot baseSnapshot)
    {
        ArgumentNullException.ThrowIfNull(baseSnapshot);
        return new CompareWith(BaselineKind.BaseRevision, baseSnapshot);
    }
}
