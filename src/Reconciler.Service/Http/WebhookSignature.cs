using System.Security.Cryptography;

namespace Reconciler.Service.Http;

/// <summary>
/// GitHub's <c>X-Hub-Signature-256</c>: <c>sha256=</c> and the hex HMAC-SHA256 of the raw body under the
/// shared secret. Compared in constant time, so the answer's timing tells an attacker nothing.
/// </summary>
public static class WebhookSignature
{
    public const string Header = "X-Hub-Signature-256";
    private const string Prefix = "sha256=";

    public static bool IsValid(ReadOnlySpan<byte> body, string? header, byte[] secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        if (!TryParse(header, out var presented))
        {
            return false;
        }

        Span<byte> expected = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(secret, body, expected);
        return Matches(expected, presented);
    }

    /// <summary>Reads the presented HMAC out of the header; false when it is missing or not <c>sha256=</c> and 64 hex digits.</summary>
    public static bool TryParse(string? header, out byte[] presented)
    {
        presented = [];
        if (header is null || !header.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase) || header.Length != Prefix.Length + 64)
        {
            return false;
        }

        try
        {
            presented = Convert.FromHexString(header.AsSpan(Prefix.Length));
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    /// <summary>Constant-time comparison of the HMAC computed over the body with the one presented.</summary>
    public static bool Matches(ReadOnlySpan<byte> expected, ReadOnlySpan<byte> presented) => CryptographicOperations.FixedTimeEquals(expected, presented);

    /// <summary>The header value GitHub would send for this body (tests and tools).</summary>
    public static string Compute(ReadOnlySpan<byte> body, byte[] secret) =>
        Prefix + Convert.ToHexStringLower(HMACSHA256.HashData(secret, body));
}
