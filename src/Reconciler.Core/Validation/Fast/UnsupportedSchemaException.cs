namespace Reconciler.Core.Validation.Fast;

/// <summary>The schema uses something the fast compiler does not implement; the catalog then uses JsonSchema.Net alone.</summary>
internal sealed class UnsupportedSchemaException(string message) : Exception(message);
