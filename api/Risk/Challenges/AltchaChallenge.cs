using System.Text.Json.Serialization;

namespace FlashSale.Api.Risk.Challenges;

/// <summary>
/// An ALTCHA v2 challenge as the widget takes it, and as it comes back inside the widget's payload: what to
/// solve, and our HMAC-SHA256 (hex) of the parameters' canonical JSON, by which a node knows its own
/// challenges without keeping them.
/// </summary>
public sealed record AltchaChallenge(AltchaParameters Parameters, string Signature);

/// <summary>
/// Find a counter whose key, PBKDF2 of the nonce followed by the counter (4 bytes, big-endian) with this salt,
/// cost iterations and key length, starts in hex with the key prefix; before <c>expiresAt</c> (Unix seconds).
/// </summary>
/// <remarks>
/// ALTCHA signs the parameters as JSON without spaces and with keys in alphabetical order: they are declared
/// in that order, which is the order System.Text.Json writes them in. A property we do not know is refused
/// when read, since it would not be covered by the signature we check.
/// </remarks>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record AltchaParameters(
    string Algorithm, int Cost, AltchaData Data, long ExpiresAt, int KeyLength, string KeyPrefix, string Nonce, string Salt);

/// <summary>
/// What the challenge is for: <c>subject</c> is the SHA-256 (hex) of the shopper id, the campaign id (36
/// lowercase characters) and the claim's Idempotency-Key, each as UTF-8 after its length in bytes (4 bytes,
/// big-endian), so that no two claims hash alike.
/// </summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record AltchaData(string Subject);
