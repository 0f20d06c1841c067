namespace Reconciler.Core.Validation;

// TEMPORARY: replaced by the real type from wip/schemas.
public sealed record SchemaError(string InstancePointer, string Keyword, string Message);
