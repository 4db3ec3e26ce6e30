using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace FlashSale.LoadGen.Setup;

/// <summary>
/// Mints HS256 JWTs here, as the API's own minting endpoint would, so that a million shoppers get their
/// tokens in seconds rather than through a million HTTP calls. Hand-rolled because a JWT is only
/// base64url(header).base64url(claims).base64url(HMAC-SHA256 of the two), and no token library is at hand.
/// </summary>
public sealed class LocalTokenMinter(string signingKey, string issuer, string audience) : ITokenMinter
{
    private static readonly string Header = Base64Url.EncodeToString("""{"alg":"HS256","typ":"JWT"}"""u8);

    private readonly byte[] _key = Encoding.UTF8.GetBytes(signingKey);

    // Outlives any bounded run; validators refuse tokens without an expiry.
    private readonly long _expires = DateTimeOffset.UtcNow.AddHours(12).ToUnixTimeSeconds();

    public int Parallelism => Environment.ProcessorCount;

    public ValueTask<string> MintAsync(string userId, string role, CancellationToken cancellationToken) => MintAsync(userId, role, null, cancellationToken);

    /// <param name="merchant">For marketing and merchant users: the merchant they work for (the <c>merchant</c> claim); null for the default.</param>
    public ValueTask<string> MintAsync(string userId, string role, string? merchant, CancellationToken cancellationToken)
    {
        var claims = JsonSerializer.SerializeToUtf8Bytes(new TokenClaims(userId, role, issuer, audience, _expires, merchant));
        var signed = Header + "." + Base64Url.EncodeToString(claims);
        var signature = HMACSHA256.HashData(_key, Encoding.ASCII.GetBytes(signed));
        return ValueTask.FromResult(signed + "." + Base64Url.EncodeToString(signature));
    }

    private sealed record TokenClaims(
        [property: JsonPropertyName("sub")] string Subject,
        [property: JsonPropertyName("role")] string Role,
        [property: JsonPropertyName("iss")] string Issuer,
        [property: JsonPropertyName("aud")] string Audience,
        [property: JsonPropertyName("exp")] long Expires,
        [property: JsonPropertyName("merchant"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Merchant);
}
