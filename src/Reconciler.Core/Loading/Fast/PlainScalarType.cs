namespace Reconciler.Core.Loading.Fast;

/// <summary>What a plain scalar's first characters already tell about its JSON type.</summary>
internal enum PlainScalarType
{
    /// <summary>Certainly a string: it cannot be a null, a boolean or a number of the core schema.</summary>
    String,

    /// <summary>A decimal integer (<c>^[-+]?[0-9]+$</c>), written with its digits.</summary>
    Integer,

    /// <summary>Anything else: typed by <see cref="ScalarResolver"/> itself.</summary>
    Other,
}
