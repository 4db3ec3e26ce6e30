using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CsCheck;
using FlashSale.Api.Risk.Challenges;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace FlashSale.UnitTests.Risk;

/// <summary>
/// Proof-of-work challenges: issued, solved here by brute force, and each way a payload can be wrong; and
/// ALTCHA's reference library (altcha-lib) agreeing with us on what a signed, solved challenge is.
/// </summary>
public sealed class ProofOfWorkTests
{
    private const string Shopper = "sam";
    private const string ClaimKey = "claim-1";
    private static readonly Guid Campaign = Guid.Parse("6f1c2e1a-4b4e-4c41-9a35-0d3c2a7b5e10");
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    private readonly FakeTimeProvider _clock = new(DateTimeOffset.Parse("2025-06-18T12:00:00Z", CultureInfo.InvariantCulture));
    private readonly ProofOfWork _proofOfWork = With("unit-test-challenge-key-0123456789abcdef");

    [Fact]
    public void A_solved_challenge_is_verified_for_its_difficulty_and_any_lower()
    {
        var payload = Solved(Issue(difficulty: 2));

        Assert.Equal(ChallengeCheck.Verified, Verify(payload, minDifficulty: 2));
        Assert.Equal(ChallengeCheck.Verified, Verify(payload, minDifficulty: 1));
    }

    [Fact]
    public void The_challenge_is_what_the_widget_takes()
    {
        var json = JsonNode.Parse(JsonSerializer.Serialize(Issue(difficulty: 3), Web))!;
        var parameters = json["parameters"]!;

        Assert.Equal(["parameters", "signature"], json.AsObject().Select(p => p.Key), StringComparer.Ordinal);
        Assert.Equal(["algorithm", "cost", "data", "expiresAt", "keyLength", "keyPrefix", "nonce", "salt"], parameters.AsObject().Select(p => p.Key), StringComparer.Ordinal);
        Assert.Equal("PBKDF2/SHA-256", (string?)parameters["algorithm"]);
        Assert.Equal(32, (int)parameters["keyLength"]!);
        Assert.Equal(("00", 1_000), ((string?)parameters["keyPrefix"], (int)parameters["cost"]!));
        Assert.Equal(_clock.GetUtcNow().AddMinutes(2).ToUnixTimeSeconds(), (long)parameters["expiresAt"]!);
        Assert.Matches("^[0-9a-f]{64}$", (string?)json["signature"]);
    }

    [Fact]
    public void Each_difficulty_asks_four_times_the_work_of_the_one_before()
    {
        for (var difficulty = ChallengeDifficulty.Easiest + 1; difficulty <= ChallengeDifficulty.Hardest; difficulty++)
        {
            Assert.Equal(4 * Work(difficulty - 1), Work(difficulty));
        }

        Assert.Throws<ArgumentOutOfRangeException>(() => Issue(difficulty: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Issue(difficulty: 9));

        static double Work(int difficulty)
        {
            var (prefix, cost) = ChallengeDifficulty.Of(difficulty);
            return ChallengeDifficulty.ExpectedWork(prefix, cost);
        }
    }

    [Fact]
    public void A_challenge_lasts_its_lifetime_to_the_second()
    {
        var payload = Solved(Issue(difficulty: 1));

        _clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(ChallengeCheck.Verified, Verify(payload));
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(ChallengeCheck.Expired, Verify(payload));
    }

    [Fact]
    public void A_solution_is_good_for_its_own_shopper_campaign_and_claim_key_only()
    {
        var payload = Solved(Issue(difficulty: 1));

        Assert.Equal(ChallengeCheck.WrongSubject, _proofOfWork.Verify(payload, "sam2", Campaign, ClaimKey, 1, _clock.GetUtcNow()));
        Assert.Equal(ChallengeCheck.WrongSubject, _proofOfWork.Verify(payload, Shopper, Guid.NewGuid(), ClaimKey, 1, _clock.GetUtcNow()));
        Assert.Equal(ChallengeCheck.WrongSubject, _proofOfWork.Verify(payload, Shopper, Campaign, "claim-2", 1, _clock.GetUtcNow()));
        // The fields are hashed with their lengths: moving characters from one to the next is another claim.
        Assert.Equal(ChallengeCheck.WrongSubject, _proofOfWork.Verify(payload, "sa", Campaign, "mclaim-1", 1, _clock.GetUtcNow()));
    }

    [Fact]
    public void A_challenge_easier_than_the_claim_calls_for_is_too_easy()
    {
        Assert.Equal(ChallengeCheck.TooEasy, Verify(Solved(Issue(difficulty: 1)), minDifficulty: 2));
        Assert.Equal(ChallengeCheck.TooEasy, Verify(Solved(Issue(difficulty: 2)), minDifficulty: 3));
    }

    [Fact]
    public void A_counter_or_key_that_is_not_a_solution_is_wrong()
    {
        var challenge = Issue(difficulty: 1);
        var (counter, derivedKey) = Search(challenge.Parameters);
        var missing = MissingPrefix(challenge.Parameters);

        Assert.Equal(ChallengeCheck.WrongSolution, Verify(Payload(challenge, counter + 1, derivedKey)));
        Assert.Equal(ChallengeCheck.WrongSolution, Verify(Payload(challenge, counter, Flip(derivedKey))));
        // A key that is the counter's but lacks the prefix: the work was not done.
        Assert.Equal(ChallengeCheck.WrongSolution, Verify(Payload(challenge, missing.Counter, missing.DerivedKey)));
    }

    [Fact]
    public void Parameters_other_than_the_ones_signed_have_a_bad_signature()
    {
        var challenge = Issue(difficulty: 2);
        var parameters = challenge.Parameters;
        var otherClaim = _proofOfWork.Issue(Shopper, Campaign, "claim-2", 2, _clock.GetUtcNow()).Parameters.Data;

        AltchaParameters[] tampered =
        [
            parameters with { Cost = 1 },
            parameters with { KeyPrefix = "1" },
            parameters with { Nonce = Flip(parameters.Nonce) },
            parameters with { Salt = Flip(parameters.Salt) },
            parameters with { ExpiresAt = parameters.ExpiresAt + 3600 },
            parameters with { Data = otherClaim },
        ];
        foreach (var edited in tampered)
        {
            var (counter, derivedKey) = Search(edited);
            Assert.Equal(ChallengeCheck.BadSignature, Verify(Payload(challenge with { Parameters = edited }, counter, derivedKey)));
        }

        var solution = Search(parameters);
        Assert.Equal(ChallengeCheck.BadSignature, Verify(Payload(challenge with { Signature = Flip(challenge.Signature) }, solution.Counter, solution.DerivedKey)));
        Assert.Equal(ChallengeCheck.BadSignature, With("another-challenge-key-0123456789abcdef").Verify(
            Payload(challenge, solution.Counter, solution.DerivedKey), Shopper, Campaign, ClaimKey, 1, _clock.GetUtcNow()));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void No_payload_is_missing(string? payload) => Assert.Equal(ChallengeCheck.Missing, Verify(payload));

    [Theory]
    [InlineData("not base64!")]
    [InlineData("bm90IGpzb24=")]
    [InlineData("bnVsbA==")]
    [InlineData("e30=")]
    [InlineData("W10=")]
    [InlineData("//79/A==")]
    public void Garbage_is_malformed(string payload) => Assert.Equal(ChallengeCheck.Malformed, Verify(payload));

    [Theory]
    [InlineData("\"cost\":1000", "\"cost\":1000,\"cost\":1000")]
    [InlineData("\"cost\":1000", "\"cost\":1000,\"memoryCost\":1")]
    [InlineData("\"cost\":1000", "\"cost\":\"1000\"")]
    [InlineData("\"cost\":1000", "\"cost\":1000.5")]
    [InlineData("\"cost\":1000", "\"cost\":0")]
    [InlineData("\"algorithm\":\"PBKDF2/SHA-256\"", "\"algorithm\":\"SHA-256\"")]
    [InlineData("\"keyLength\":32", "\"keyLength\":16")]
    [InlineData("\"keyPrefix\":\"0\"", "\"keyPrefix\":\"\"")]
    [InlineData("\"keyPrefix\":\"0\"", "\"keyPrefix\":\"G\"")]
    [InlineData("\"data\":{", "\"data\":{\"extra\":1,")]
    [InlineData("\"data\":{\"subject\"", "\"data\":{\"Subject\"")]
    [InlineData("\"signature\":\"", "\"signature\":null,\"ignored\":\"")]
    [InlineData("\"counter\":", "\"counter\":-")]
    [InlineData("\"counter\":", "\"counter\":4294967296,\"ignored\":")]
    [InlineData("\"counter\":", "\"counter\":\"1\",\"ignored\":")]
    [InlineData("\"derivedKey\":\"", "\"derivedKey\":\"xyz")]
    [InlineData("\"solution\":{", "\"solution\":null,\"ignored\":{")]
    public void A_payload_not_as_the_widget_writes_it_is_malformed(string part, string replacement)
    {
        var challenge = Issue(difficulty: 1);
        var (counter, derivedKey) = Search(challenge.Parameters);
        var json = Json(challenge, counter, derivedKey);
        Assert.Contains(part, json, StringComparison.Ordinal);

        var edited = Convert.ToBase64String(Encoding.UTF8.GetBytes(json.Replace(part, replacement, StringComparison.Ordinal)));

        Assert.Equal(ChallengeCheck.Malformed, Verify(edited));
    }

    [Theory]
    [InlineData("challenge")]
    [InlineData("challenge.parameters")]
    [InlineData("challenge.parameters.data")]
    [InlineData("challenge.parameters.data.subject")]
    [InlineData("challenge.parameters.nonce")]
    [InlineData("challenge.parameters.keyPrefix")]
    [InlineData("challenge.signature")]
    [InlineData("solution")]
    [InlineData("solution.derivedKey")]
    public void A_null_or_missing_part_is_malformed(string path)
    {
        var challenge = Issue(difficulty: 1);
        var (counter, derivedKey) = Search(challenge.Parameters);
        var json = JsonNode.Parse(Json(challenge, counter, derivedKey))!;
        var names = path.Split('.');
        var parent = names[..^1].Aggregate(json, (node, name) => node[name]!).AsObject();

        parent[names[^1]] = null;
        Assert.Equal(ChallengeCheck.Malformed, Verify(Base64(json.ToJsonString())));
        parent.Remove(names[^1]);
        Assert.Equal(ChallengeCheck.Malformed, Verify(Base64(json.ToJsonString())));
    }

    [Fact]
    public void Text_that_is_not_UTF_8_is_malformed()
    {
        var challenge = Issue(difficulty: 1);
        var (counter, derivedKey) = Search(challenge.Parameters);
        var json = Encoding.UTF8.GetBytes(Json(challenge, counter, derivedKey));
        json[json.AsSpan().IndexOf("PBKDF2"u8)] = 0xFF;

        Assert.Equal(ChallengeCheck.Malformed, Verify(Convert.ToBase64String(json)));
    }

    [Fact]
    public void A_payload_longer_than_any_of_ours_is_malformed_unread()
    {
        var challenge = Issue(difficulty: 1);
        var (counter, derivedKey) = Search(challenge.Parameters);
        var padded = Json(challenge, counter, derivedKey).Replace("\"time\":12.5", "\"time\":12.5" + new string(' ', ProofOfWork.MaxPayloadLength), StringComparison.Ordinal);

        Assert.Equal(ChallengeCheck.Malformed, Verify(Convert.ToBase64String(Encoding.UTF8.GetBytes(padded))));
    }

    [Fact]
    public void Whatever_is_sent_the_answer_is_an_outcome()
    {
        var challenge = Issue(difficulty: 1);
        var (counter, derivedKey) = Search(challenge.Parameters);
        var json = Json(challenge, counter, derivedKey);
        var base64 = Gen.Byte.Array[0, 3_500].Select(Convert.ToBase64String);
        // The real payload with a few characters changed: mostly still JSON, often still base64.
        var edits = Gen.Select(Gen.Int[0, json.Length - 1], Gen.Char.AlphaNumeric, (at, c) => (at, c)).Array[1, 4];
        var nearJson = edits.Select(all => Base64(all.Aggregate(json, (text, edit) => Replace(text, edit.at, edit.c))));
        var nearBase64 = edits.Select(all => all.Aggregate(Base64(json), (text, edit) => Replace(text, edit.at % text.Length, edit.c)));

        Gen.OneOf(Gen.String, Gen.String[0, 5_000], base64, nearJson, nearBase64).Sample(payload =>
            Assert.True(Enum.IsDefined(Verify(payload))), iter: 2_000);
    }

    /// <summary>
    /// Payloads made by altcha-lib 2.8.0 (altcha-fixtures/make-fixtures.mjs): a challenge it created and signed
    /// with the fixtures' key over its canonical JSON, and a challenge of ours; each solved by it and sent as the
    /// widget sends a solution.
    /// </summary>
    [Fact]
    public void Challenges_signed_and_solved_by_the_reference_library_are_verified()
    {
        var fixtures = JsonSerializer.Deserialize<ReferenceFixtures>(
            File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Risk", "altcha-fixtures", "payloads.json")), Web)!;
        var proofOfWork = With(fixtures.HmacKey);
        // Within the two minutes the challenges had when they were made, whenever the test runs.
        var clock = new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(fixtures.MadeAt));

        foreach (var payload in new[] { fixtures.AltchaLib, fixtures.Ours })
        {
            Assert.Equal(ChallengeCheck.Verified, proofOfWork.Verify(payload, fixtures.ShopperId, fixtures.CampaignId, fixtures.IdempotencyKey, 1, clock.GetUtcNow()));
            Assert.Equal(ChallengeCheck.WrongSubject, proofOfWork.Verify(payload, fixtures.ShopperId, fixtures.CampaignId, "another-key", 1, clock.GetUtcNow()));
        }
    }

    private sealed record ReferenceFixtures(string HmacKey, string ShopperId, Guid CampaignId, string IdempotencyKey, long MadeAt, string AltchaLib, string Ours);

    private static ProofOfWork With(string hmacKey) => new(Options.Create(new ChallengeSettings { HmacKey = hmacKey }));

    private AltchaChallenge Issue(int difficulty) => _proofOfWork.Issue(Shopper, Campaign, ClaimKey, difficulty, _clock.GetUtcNow());

    private ChallengeCheck Verify(string? payload, int minDifficulty = 1) =>
        _proofOfWork.Verify(payload, Shopper, Campaign, ClaimKey, minDifficulty, _clock.GetUtcNow());

    private static string Solved(AltchaChallenge challenge)
    {
        var (counter, derivedKey) = Search(challenge.Parameters);
        return Payload(challenge, counter, derivedKey);
    }

    /// <summary>What the widget sends: base64 of the challenge as it was given and the solution, with how long it took.</summary>
    private static string Payload(AltchaChallenge challenge, uint counter, string derivedKey) => Base64(Json(challenge, counter, derivedKey));

    private static string Json(AltchaChallenge challenge, uint counter, string derivedKey) =>
        JsonSerializer.Serialize(new { challenge, solution = new { counter, derivedKey, time = 12.5 } }, Web);

    private static string Base64(string json) => Convert.ToBase64String(Encoding.UTF8.GetBytes(json));

    /// <summary>The first counter whose key starts with the prefix: the widget's work, on one core.</summary>
    private static (uint Counter, string DerivedKey) Search(AltchaParameters parameters) =>
        Keys(parameters).First(key => key.DerivedKey.StartsWith(parameters.KeyPrefix, StringComparison.Ordinal));

    private static (uint Counter, string DerivedKey) MissingPrefix(AltchaParameters parameters) =>
        Keys(parameters).First(key => !key.DerivedKey.StartsWith(parameters.KeyPrefix, StringComparison.Ordinal));

    private static IEnumerable<(uint Counter, string DerivedKey)> Keys(AltchaParameters parameters)
    {
        var nonce = Convert.FromHexString(parameters.Nonce);
        var salt = Convert.FromHexString(parameters.Salt);
        var password = new byte[nonce.Length + sizeof(uint)];
        nonce.CopyTo(password, 0);
        for (var counter = 0u; ; counter++)
        {
            BinaryPrimitives.WriteUInt32BigEndian(password.AsSpan(nonce.Length), counter);
            yield return (counter, Convert.ToHexStringLower(Rfc2898DeriveBytes.Pbkdf2(password, salt, parameters.Cost, HashAlgorithmName.SHA256, parameters.KeyLength)));
        }
    }

    private static string Replace(string text, int at, char c)
    {
        var chars = text.ToCharArray();
        chars[at] = c;
        return new string(chars);
    }

    /// <summary>The hex string with its last digit changed.</summary>
    private static string Flip(string hex) => hex[..^1] + (hex[^1] == '0' ? '1' : '0');
}
