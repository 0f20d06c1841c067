namespace Reconciler.Core.Loading.Fast;

/// <summary>
/// One node of a <see cref="PositionTable"/>: where its value starts, where its key starts (a mapping entry;
/// <see cref="KeyStart"/> is -1 otherwise) and the key's bytes, and the index just past its subtree.
/// </summary>
internal struct PositionEntry
{
    public int Line;
    public int Column;
    public int KeyLine;
    public int KeyColumn;
    public int KeyStart;
    public int KeyLength;
    public int End;
    public PositionKind Kind;
}
