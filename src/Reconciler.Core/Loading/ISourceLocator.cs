using Reconciler.Core.Diagnostics;

namespace Reconciler.Core.Loading;

/// <summary>
/// Locates the values of a document that was not read from one YAML text: a task made from a set's template and
/// one of its items, whose values come from the set's YAML, an inline item or a CSV row (possibly two files).
/// </summary>
internal interface ISourceLocator
{
    /// <summary>Where the value at <paramref name="pointer"/> (or its nearest existing ancestor) is written.</summary>
    SourceLocation Locate(string pointer);

    /// <summary>Where the key of the mapping entry at <paramref name="pointer"/> is written, else its value.</summary>
    SourceLocation LocateKey(string pointer);
}
