using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Reconciler.Core.Normalization;

/// <summary>A SHA-256 as its 32 bytes, held inline (four words): what <see cref="CanonicalBody"/> keeps instead of hex text.</summary>
internal readonly record struct Sha256Digest(ulong A, ulong B, ulong C, ulong D)
{
    public static Sha256Digest Of(ReadOnlySpan<byte> data)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(data, hash);
        return FromBytes(hash);
    }

    /// <summary>Only lower-case hex of exactly 32 bytes (what <see cref="ToLowerHex"/> writes), so the text round-trips unchanged.</summary>
    public static bool TryParseLowerHex(string text, out Sha256Digest digest)
    {
        digest = default;
        if (text.Length != 2 * SHA256.HashSizeInBytes || !text.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f'))
        {
            return false;
        }

        Span<byte> bytes = stackalloc byte[SHA256.HashSizeInBytes];
        Convert.FromHexString(text, bytes, out _, out _);
        digest = FromBytes(bytes);
        return true;
    }

    public string ToLowerHex()
    {
        Span<byte> bytes = stackalloc byte[SHA256.HashSizeInBytes];
        BinaryPrimitives.WriteUInt64BigEndian(bytes, A);
        BinaryPrimitives.WriteUInt64BigEndian(bytes[8..], B);
        BinaryPrimitives.WriteUInt64BigEndian(bytes[16..], C);
        BinaryPrimitives.WriteUInt64BigEndian(bytes[24..], D);
        return Convert.ToHexStringLower(bytes);
    }

    private static Sha256Digest FromBytes(ReadOnlySpan<byte> bytes) =>
        new(BinaryPrimitives.ReadUInt64BigEndian(bytes), BinaryPrimitives.ReadUInt64BigEndian(bytes[8..]), BinaryPrimitives.ReadUInt64BigEndian(bytes[16..]), BinaryPrimitives.ReadUInt64BigEndian(bytes[24..]));
}
