using System.Text;
using System.Text.Json.Nodes;
using Reconciler.Core.Json;

namespace Reconciler.Core.Normalization;

/// <summary>
/// The exact PUT body we would send, in canonical text (compact, keys sorted, numbers as written),
/// and its SHA-256. Two manifests that differ only in formatting, comments, key order or quoting
/// style of equal values have equal canonical bodies.
/// </summary>
/// <remarks>
/// Held as UTF-8, half the memory of a .NET string for these mostly-ASCII bodies: a plan of 100,000 tasks
/// holds every desired body, and against a full state every last-applied one as well. <see cref="Json"/>
/// decodes it on each use. The hash of a body made here is worked out on first use: <c>validate</c> never
/// needs it, and SHA-256 through the platform's crypto library was a measurable share of loading.
/// The hash is held as its 32 bytes, not as 64 characters of hex (a 150-byte string for each of 100,000 bodies):
/// <see cref="Hash"/> writes the hex on each use, <see cref="SameHash"/> compares without it.
/// </remarks>
public sealed record CanonicalBody
{
    private readonly byte[] _utf8;
    private Sha256Digest _digest;
    private bool _hasDigest;

    // A hash given from outside (a state store, a saved plan) that is not lower-case hex of 32 bytes: kept as written,
    // so it compares unequal to every hash made here, as it always did.
    private readonly string? _givenText;

    public CanonicalBody(string json, string hash)
        : this(Encoding.UTF8.GetBytes(json), hash)
    {
    }

    private CanonicalBody(byte[] utf8, string? hash)
    {
        _utf8 = utf8;
        if (hash is null)
        {
            return;
        }

        if (Sha256Digest.TryParseLowerHex(hash, out var digest))
        {
            (_digest, _hasDigest) = (digest, true);
        }
        else
        {
            _givenText = hash;
        }
    }

    /// <summary>The canonical text.</summary>
    public string Json => Encoding.UTF8.GetString(_utf8);

    /// <summary>Lower-case hex SHA-256 of the UTF-8 text (written anew on each use: compare with <see cref="SameHash"/>).</summary>
    public string Hash => _givenText ?? Digest().ToLowerHex();

    /// <summary>Whether the two hashes are equal (<c>a.Hash == b.Hash</c>, without writing either as text).</summary>
    public bool SameHash(CanonicalBody other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return _givenText is null && other._givenText is null
            ? Digest().Equals(other.Digest())
            : string.Equals(Hash, other.Hash, StringComparison.Ordinal);
    }

    private Sha256Digest Digest()
    {
        if (!Volatile.Read(ref _hasDigest))
        {
            // A race only computes it twice: every writer writes the same bytes, and the flag after them.
            _digest = Sha256Digest.Of(_utf8);
            Volatile.Write(ref _hasDigest, true);
        }

        return _digest;
    }

    /// <summary>The canonical text as UTF-8 (what is sent and hashed), without decoding it.</summary>
    [System.Text.Json.Serialization.JsonIgnore] // a span cannot be serialized; Json is the same text
    public ReadOnlySpan<byte> Utf8 => _utf8;

    /// <summary>The same UTF-8 as memory, for what holds it across an await (the PUT's content).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public ReadOnlyMemory<byte> Utf8Memory => _utf8;

    public static CanonicalBody FromJson(string json)
    {
        var canonical = CanonicalJson.Serialize(CanonicalJson.SortKeys(CanonicalJson.Parse(json)));
        return new CanonicalBody(canonical, CanonicalJson.Hash(canonical));
    }

    public static CanonicalBody FromNode(JsonNode node)
    {
        var canonical = CanonicalJson.Serialize(CanonicalJson.SortKeys(node));
        return new CanonicalBody(canonical, CanonicalJson.Hash(canonical));
    }

    /// <summary>From text that is already canonical (as <see cref="Json.CanonicalWriter"/> writes it), as UTF-8.</summary>
    internal static CanonicalBody FromCanonicalUtf8(byte[] utf8) => new(utf8, null);

    public void Deconstruct(out string json, out string hash) => (json, hash) = (Json, Hash);

    public JsonNode ToNode() => JsonNode.Parse(_utf8)!;

    public bool Equals(CanonicalBody? other) =>
        other is not null && (ReferenceEquals(this, other) || _utf8.AsSpan().SequenceEqual(other._utf8));

    public override int GetHashCode() => _givenText?.GetHashCode(StringComparison.Ordinal) ?? Digest().GetHashCode();

    public override string ToString() => Json;
}
