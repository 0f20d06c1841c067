using Reconciler.Core.Diagnostics;

namespace Reconciler.Core.Loading;

/// <summary>
/// What loading one file produced: the documents that parsed, and problems. A syntax error stops the
/// file at that point; documents completed before it are kept.
/// </summary>
public sealed record LoadResult(string File, IReadOnlyList<LoadedDocument> Documents, IReadOnlyList<Diagnostic> Diagnostics)
{
    public bool HasErrors => Diagnostics.Any(d => d.IsError);
}
