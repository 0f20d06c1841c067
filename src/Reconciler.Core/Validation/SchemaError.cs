namespace Reconciler.Core.Validation;

/// <summary>
/// One schema problem in a manifest or body, worded for a call-centre operator.
/// </summary>
/// <param name="InstancePointer">
/// JSON Pointer to the value concerned, e.g. <c>/spec/task_extras/redial_interval</c>; <c>""</c> is the
/// whole document. An unknown field is reported at the field itself, a missing field at its parent.
/// </param>
/// <param name="Keyword">The JSON Schema keyword that failed (<c>required</c>, <c>additionalProperties</c>, <c>anyOf</c>, ...).</param>
/// <param name="Message">A plain sentence, e.g. <c>unknown field 'maximumcal'</c> or <c>must be at most 60</c>.</param>
public sealed record SchemaError(string InstancePointer, string Keyword, string Message);
