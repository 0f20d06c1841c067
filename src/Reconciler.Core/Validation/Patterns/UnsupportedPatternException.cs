namespace Reconciler.Core.Validation.Patterns;

/// <summary>
/// A schema <c>pattern</c> that <see cref="EcmaPattern"/> cannot translate to .NET with exactly ECMA-262's meaning
/// (or that ECMA-262's <c>u</c> mode itself refuses). Thrown when a schema is built, never while a manifest is checked.
/// </summary>
internal sealed class UnsupportedPatternException(string reason) : Exception(reason);
