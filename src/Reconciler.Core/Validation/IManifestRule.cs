using Reconciler.Core.Diagnostics;

namespace Reconciler.Core.Validation;

/// <summary>
/// A rule of the API document that JSON Schema cannot express. Rules must tolerate documents that
/// failed the schema (wrong types, missing fields): they check what they can and skip the rest.
/// </summary>
public interface IManifestRule
{
    IEnumerable<Diagnostic> Check(ManifestDocument document);
}
