using System.Net;
using System.Net.Http.Headers;
using FlashSale.Tests.Api;
using FlashSale.Tests.Infrastructure;
using FlashSale.Tests.Security.Support;

namespace FlashSale.Tests.Security;

/// <summary>
/// Tokens that must not be believed: 401 <c>unauthenticated</c> as a problem, on a read and on a
/// claim, and no coupon issued. A good token minted the same way passes, so each refusal is the
/// defect's doing and not the minting's.
/// </summary>
[Collection(nameof(SecuritySystemCollection))]
[Trait("Tier", "EndToEnd")]
public sealed class TokenTests(SecuritySystem system)
{
    public static TheoryData<string> BadTokens => new()
    {
        "missing", "empty", "garbage", "three garbage parts", "expired", "not yet valid", "forged signature", "wrong audience",
        "wrong issuer", "alg none", "signature stripped", "payload swapped", "no subject", "blank subject", "control character in subject",
        "subject past 128 characters", "two subjects",
    };

    [Theory]
    [MemberData(nameof(BadTokens))]
    public async Task A_bad_token_is_unauthenticated_and_changes_nothing(string defect)
    {
        var campaign = await system.CreateCampaignAsync(totalStock: 5);
        using var client = system.Client();
        if (Token(defect) is { } token)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        await BadInputTests.AssertProblemAsync(await client.GetAsync("/api/me/coupons"), HttpStatusCode.Unauthorized, "unauthenticated");
        await BadInputTests.AssertProblemAsync(await client.SendAsync(Infrastructure.Api.ClaimRequest(campaign, "token-" + defect)),
            HttpStatusCode.Unauthorized, "unauthenticated");
        Assert.Equal(0, (await LedgerAudit.ReadAsync(system.Database, campaign)).CouponRows);
    }

    [Fact]
    public async Task A_token_minted_like_the_bad_ones_but_right_is_believed()
    {
        var campaign = await system.CreateCampaignAsync(totalStock: 5);
        using var client = system.Client(Tokens.Mint("token-control"));

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/me/coupons")).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await client.ClaimAsync(campaign, "token-control")).Status);
    }

    [Fact]
    public async Task A_token_is_read_from_the_query_string_on_the_live_hub_only()
    {
        using var client = system.Client();
        var token = Uri.EscapeDataString(Tokens.Mint("query-shopper"));

        await BadInputTests.AssertProblemAsync(await client.GetAsync($"/api/me/coupons?access_token={token}"), HttpStatusCode.Unauthorized,
            "unauthenticated");
    }

    [Fact]
    public async Task Other_schemes_and_repeated_headers_are_unauthenticated()
    {
        foreach (var header in new[] { "Basic " + Tokens.Base64Url("shopper:secret"), "bearer", "Bearer", "Token " + Tokens.Mint("scheme-shopper") })
        {
            using var client = system.Client();
            client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", header);
            await BadInputTests.AssertProblemAsync(await client.GetAsync("/api/me/coupons"), HttpStatusCode.Unauthorized, "unauthenticated");
        }

        using var twice = system.Client();
        twice.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", ["Bearer " + Tokens.Mint("first"), "Bearer " + Tokens.Mint("second")]);
        await BadInputTests.AssertProblemAsync(await twice.GetAsync("/api/me/coupons"), HttpStatusCode.Unauthorized, "unauthenticated");
    }

    private static string? Token(string defect)
    {
        var good = Tokens.Mint("token-shopper");
        var parts = good.Split('.');
        return defect switch
        {
            "missing" => null,
            "empty" => "",
            "garbage" => "not-a-token",
            "three garbage parts" => "a.b.c",
            "expired" => Tokens.Mint("token-shopper", notBefore: DateTimeOffset.UtcNow.AddHours(-2), expires: DateTimeOffset.UtcNow.AddMinutes(-5)),
            "not yet valid" => Tokens.Mint("token-shopper", notBefore: DateTimeOffset.UtcNow.AddMinutes(5), expires: DateTimeOffset.UtcNow.AddHours(1)),
            "forged signature" => Tokens.Mint("token-shopper", key: "an-attacker-chosen-key-that-is-long-enough-0123456789"),
            "wrong audience" => Tokens.Mint("token-shopper", audience: "another-api"),
            "wrong issuer" => Tokens.Mint("token-shopper", issuer: "https://evil.example"),
            "alg none" => Tokens.Unsigned("token-shopper"),
            "signature stripped" => $"{parts[0]}.{parts[1]}.",
            "payload swapped" => $"{parts[0]}.{Tokens.Base64Url("""{"sub":"someone-else","role":"admin"}""")}.{parts[2]}",
            "no subject" => Tokens.Mint(null),
            "blank subject" => Tokens.Mint("   "),
            "control character in subject" => Tokens.Mint("token\u0000shopper"),
            "subject past 128 characters" => Tokens.Mint(new string('s', 129)),
            "two subjects" => Tokens.Mint(null, extra: new Dictionary<string, object>(StringComparer.Ordinal) { ["sub"] = new[] { "a", "b" } }),
            _ => throw new ArgumentOutOfRangeException(nameof(defect), defect, null),
        };
    }
}
