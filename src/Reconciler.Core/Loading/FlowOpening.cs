namespace Reconciler.Core.Loading;

/// <summary>Where a flow collection was opened: <c>[</c> (a list) or <c>{</c> (a mapping), 1-based line and column.</summary>
internal sealed record FlowOpening(int Line, int Column, bool IsSequence)
{
    public char Open => IsSequence ? '[' : '{';

    public char Close => IsSequence ? ']' : '}';

    /// <summary>The product's own wording for a syntax error inside an unclosed flow collection.</summary>
    public string Message => $"the flow {(IsSequence ? "list" : "mapping")} opened with '{Open}' at line {Line}, column {Column} is not closed: end it with '{Close}', and separate its items with ','";
}
