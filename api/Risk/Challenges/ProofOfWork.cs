using System.Buffers;
using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace FlashSale.Api.Risk.Challenges;

/// <summary>
/// Proof-of-work challenges for claims the risk rules doubt (issue 21), in the open ALTCHA v2 protocol so
/// that its widget solves them: a scalper farm pays CPU for every claim, while a shopper's phone solves an
/// easy one in the background. Issued and checked here, keeping nothing: a challenge carries its HMAC
/// signature and its expiry, and is bound to one shopper, campaign and claim Idempotency-Key.
/// </summary>
/// <remarks>
/// No store of spent challenges is needed: a solution is good for one Idempotency-Key only, and a claim sent
/// again with that key gets the first claim's answer replayed, so one solved challenge never gets more than
/// one coupon.
/// </remarks>
public sealed class ProofOfWork(IOptions<ChallengeSettings> settings)
{
    /// <summary>
    /// The one algorithm issued and accepted. The browser runs PBKDF2's iterations inside WebCrypto, so a
    /// phone derives keys nearly as fast as a native solver does; plain SHA-256 would pay a JavaScript round
    /// trip for every hash, the phone losing much of its work to overhead that a farm does not have.
    /// </summary>
    public const string Algorithm = "PBKDF2/SHA-256";

    /// <summary>Far more than a payload of ours (under 1,000 characters): anything longer is not one.</summary>
    public const int MaxPayloadLength = 4096;

    // The widget's PBKDF2 worker derives an AES-GCM key, which may only be 16, 24 or 32 bytes long.
    private const int KeyLength = 32;
    private const int RandomLength = 16;
    private static readonly SearchValues<char> LowercaseHex = SearchValues.Create("0123456789abcdef");

    // What JSON.stringify writes for the parameters: keys in their declared (alphabetical) order, no spaces,
    // and nothing escaped, since Read lets through nothing but hex and the algorithm's name.
    private static readonly JsonSerializerOptions Canonical = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    // A payload is read strictly: a property given twice, a missing or null one, a number where a string
    // belongs (or the reverse), a counter that is negative, fractional or over 32 bits all make it malformed.
    private static readonly JsonSerializerOptions Strict = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        AllowDuplicateProperties = false,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        MaxDepth = 8,
    };

    private readonly byte[] _key = Encoding.UTF8.GetBytes(settings.Value.HmacKey);
    private readonly TimeSpan _lifetime = settings.Value.Lifetime;

    /// <summary>A fresh challenge for one claim, at a difficulty from 1 to 8 (see <see cref="ChallengeDifficulty"/>).</summary>
    public AltchaChallenge Issue(string shopperId, Guid campaignId, string idempotencyKey, int difficulty, DateTimeOffset now)
    {
        var (keyPrefix, cost) = ChallengeDifficulty.Of(difficulty);
        var parameters = new AltchaParameters(Algorithm, cost, new AltchaData(Subject(shopperId, campaignId, idempotencyKey)),
            (now + _lifetime).ToUnixTimeSeconds(), KeyLength, keyPrefix, RandomHex(), RandomHex());
        return new AltchaChallenge(parameters, Convert.ToHexStringLower(Sign(parameters)));
    }

    /// <summary>
    /// Checks the widget's payload (the <c>X-Altcha</c> header) for this claim. Whatever the payload holds, the
    /// answer is an outcome, never an exception; <paramref name="minDifficulty"/> outside 1 to 8 is the caller's
    /// mistake and throws.
    /// </summary>
    public ChallengeCheck Verify(string? payload, string shopperId, Guid campaignId, string idempotencyKey, int minDifficulty, DateTimeOffset now)
    {
        var (minPrefix, minCost) = ChallengeDifficulty.Of(minDifficulty);
        if (string.IsNullOrWhiteSpace(payload))
        {
            return ChallengeCheck.Missing;
        }

        if (Read(payload) is not { Challenge: var challenge, Solution: var solution })
        {
            return ChallengeCheck.Malformed;
        }

        var parameters = challenge.Parameters;
        if (!CryptographicOperations.FixedTimeEquals(Sign(parameters), Convert.FromHexString(challenge.Signature)))
        {
            return ChallengeCheck.BadSignature;
        }

        if (now.ToUnixTimeSeconds() > parameters.ExpiresAt)
        {
            return ChallengeCheck.Expired;
        }

        if (parameters.Data.Subject != Subject(shopperId, campaignId, idempotencyKey))
        {
            return ChallengeCheck.WrongSubject;
        }

        if (ChallengeDifficulty.ExpectedWork(parameters.KeyPrefix, parameters.Cost) < ChallengeDifficulty.ExpectedWork(minPrefix, minCost))
        {
            return ChallengeCheck.TooEasy;
        }

        // Last, as the one costly step, and only ever for parameters we signed: at most 4,000 iterations.
        return Solves(parameters, solution) ? ChallengeCheck.Verified : ChallengeCheck.WrongSolution;
    }

    private byte[] Sign(AltchaParameters parameters) => HMACSHA256.HashData(_key, JsonSerializer.SerializeToUtf8Bytes(parameters, Canonical));

    private static string RandomHex() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(RandomLength));

    /// <summary>See <see cref="AltchaData"/>.</summary>
    private static string Subject(string shopperId, Guid campaignId, string idempotencyKey)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Span<byte> length = stackalloc byte[sizeof(int)];
        foreach (var field in new[] { shopperId, campaignId.ToString("D"), idempotencyKey })
        {
            var bytes = Encoding.UTF8.GetBytes(field);
            BinaryPrimitives.WriteInt32BigEndian(length, bytes.Length);
            hash.AppendData(length);
            hash.AppendData(bytes);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>The payload if it is base64 of the widget's JSON for a challenge of our algorithm, with every hex field hex.</summary>
    private static AltchaPayload? Read(string payload)
    {
        if (payload.Length > MaxPayloadLength)
        {
            return null;
        }

        var json = new byte[payload.Length / 4 * 3 + 3];
        if (!Convert.TryFromBase64String(payload, json, out var length))
        {
            return null;
        }

        AltchaPayload? read;
        try
        {
            read = JsonSerializer.Deserialize<AltchaPayload>(json.AsSpan(0, length), Strict);
        }
        catch (JsonException)
        {
            return null;
        }

        return read is { Challenge: { Parameters: var parameters, Signature: var signature }, Solution.DerivedKey: var derivedKey }
            && parameters is { Algorithm: Algorithm, KeyLength: KeyLength, Cost: > 0 }
            && IsHex(signature, 2 * HMACSHA256.HashSizeInBytes, 2 * HMACSHA256.HashSizeInBytes)
            && IsHex(derivedKey, 2 * KeyLength, 2 * KeyLength)
            && IsHex(parameters.KeyPrefix, 1, 2 * KeyLength)
            && IsHex(parameters.Nonce, 2, 2 * RandomLength) && parameters.Nonce.Length % 2 == 0
            && IsHex(parameters.Salt, 2, 2 * RandomLength) && parameters.Salt.Length % 2 == 0
            ? read
            : null;
    }

    private static bool IsHex(string text, int minLength, int maxLength) =>
        text.Length >= minLength && text.Length <= maxLength && !text.AsSpan().ContainsAnyExcept(LowercaseHex);

    private static bool Solves(AltchaParameters parameters, AltchaSolution solution)
    {
        var nonce = Convert.FromHexString(parameters.Nonce);
        var password = new byte[nonce.Length + sizeof(uint)];
        nonce.CopyTo(password, 0);
        BinaryPrimitives.WriteUInt32BigEndian(password.AsSpan(nonce.Length), solution.Counter);

        Span<byte> key = stackalloc byte[KeyLength];
        Rfc2898DeriveBytes.Pbkdf2(password, Convert.FromHexString(parameters.Salt), key, parameters.Cost, HashAlgorithmName.SHA256);
        return Convert.ToHexStringLower(key).StartsWith(parameters.KeyPrefix, StringComparison.Ordinal)
            && CryptographicOperations.FixedTimeEquals(key, Convert.FromHexString(solution.DerivedKey));
    }
}
