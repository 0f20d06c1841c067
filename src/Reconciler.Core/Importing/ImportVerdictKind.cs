namespace Reconciler.Core.Importing;

public enum ImportVerdictKind
{
    /// <summary>One valid manifest: the requested task with the platform's body. May be tracked.</summary>
    Exact,

    /// <summary>The one manifest intended, but it breaks a schema rule or a rule of ours (the platform's values do): kept to be fixed, not tracked.</summary>
    Invalid,

    /// <summary>Not the document intended (more or fewer documents, another identity or body): never written, or removed.</summary>
    Foreign,
}
