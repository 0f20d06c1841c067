namespace Reconciler.Core.Planning;

/// <summary>What a plan compares the manifests with. Each kind has its own pull-request comment and status.</summary>
public enum BaselineKind
{
    /// <summary>The state store: what was last applied to the platform (and what is in doubt). <c>apply</c>, the service.</summary>
    LiveState,

    /// <summary>The manifests at another git revision (a pull request's base): what the change set changes. No state, no API.</summary>
    BaseRevision,
}
