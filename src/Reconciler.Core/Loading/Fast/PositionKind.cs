namespace Reconciler.Core.Loading.Fast;

/// <summary>What a <see cref="PositionEntry"/> stands for.</summary>
internal enum PositionKind : byte
{
    Scalar,
    Sequence,
    Mapping,
}
