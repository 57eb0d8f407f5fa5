using System.Security.Cryptography;
using System.Text;

namespace GongGrid.Silo.Api.Security;

/// <summary>
/// Tokens are 32 random bytes, so a plain SHA-256 is enough to store them (no password stretching needed), and
/// lookups compare digests in constant time.
/// </summary>
public static class TokenHash
{
    public static string NewToken() => "gg_" + Base64Url(RandomNumberGenerator.GetBytes(32));

    public static string Of(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    public static bool Matches(string expectedHex, string actualHex) =>
        expectedHex.Length == actualHex.Length
        && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expectedHex), Encoding.ASCII.GetBytes(actualHex));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
