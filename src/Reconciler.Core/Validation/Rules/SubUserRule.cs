using Reconciler.Core.Diagnostics;

namespace Reconciler.Core.Validation.Rules;

/// <summary>The sub-account belongs to the task's identity, so it lives in metadata; the body gets it from there.</summary>
internal sealed class SubUserRule : IManifestRule
{
    public IEnumerable<Diagnostic> Check(ManifestDocument document)
    {
        if (ManifestDocument.Child(document.SpecElement, "sub_user_id") is not null)
        {
            yield return document.Error("sub-user-placement", "write sub_user_id under metadata, not spec: it is part of the task's identity (the body gets it from metadata)", "/spec/sub_user_id");
        }
    }
}
