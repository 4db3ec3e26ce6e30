using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using FlashSale.Tests.Infrastructure;

namespace FlashSale.Tests.Api;

/// <summary>Every wrong value gets a 4xx problem with a stable code, never a 5xx, and changes nothing.</summary>
[Collection(nameof(RunningSystemCollection))]
[Trait("Tier", "EndToEnd")]
public sealed class BadInputTests(RunningSystem system)
{
    private const string Valid = """
        {"name":"n","coupon":{"kind":"fixed","currency":"CNY","amountOff":5},"totalStock":10,"perUserLimit":1,
         "startsAt":"2020-01-01T00:00:00Z","endsAt":"2099-01-01T00:00:00Z","validity":{"days":3}}
        """;

    public static TheoryData<string, string, string> BadCampaigns => new()
    {
        // body, expected code, field named in errors ("" when none)
        { "", "malformed_json", "" },
        { "{", "malformed_json", "" },
        { "[]", "malformed_json", "" },
        { "null", "malformed_json", "" },
        { "{}", "validation_failed", "name" },
        { Valid.Replace("\"n\"", "\"\""), "validation_failed", "name" },
        { Valid.Replace("\"n\"", "\"" + new string('x', 201) + "\""), "validation_failed", "name" },
        { Valid.Replace("\"n\"", "42"), "malformed_json", "$.name" },
        { Valid.Replace("\"fixed\"", "\"bogus\""), "validation_failed", "coupon.kind" },
        { Valid.Replace("\"amountOff\":5", "\"amountOff\":-5"), "validation_failed", "coupon.amountOff" },
        { Valid.Replace("\"amountOff\":5", "\"amountOff\":0.001"), "validation_failed", "coupon.amountOff" },
        { Valid.Replace("\"amountOff\":5", "\"amountOff\":\"five\""), "malformed_json", "$.coupon.amountOff" },
        { Valid.Replace("\"amountOff\":5", "\"amountOff\":5,\"percentOff\":10"), "validation_failed", "coupon.percentOff" },
        { Valid.Replace("\"kind\":\"fixed\"", "\"kind\":\"percent\"").Replace("\"amountOff\":5", "\"percentOff\":150,\"maxDiscount\":10"), "validation_failed", "coupon.percentOff" },
        { Valid.Replace("\"kind\":\"fixed\"", "\"kind\":\"percent\"").Replace("\"amountOff\":5", "\"percentOff\":15"), "validation_failed", "coupon.maxDiscount" },
        { Valid.Replace("\"kind\":\"fixed\"", "\"kind\":\"threshold\""), "validation_failed", "coupon.minSpend" },
        { Valid.Replace("\"kind\":\"fixed\"", "\"kind\":\"threshold\"").Replace("\"amountOff\":5", "\"amountOff\":50,\"minSpend\":20"), "validation_failed", "coupon.amountOff" },
        { Valid.Replace("\"CNY\"", "\"yuan\""), "validation_failed", "coupon.currency" },
        { Valid.Replace("\"totalStock\":10", "\"totalStock\":0"), "validation_failed", "totalStock" },
        { Valid.Replace("\"totalStock\":10", "\"totalStock\":-1"), "validation_failed", "totalStock" },
        { Valid.Replace("\"totalStock\":10", "\"totalStock\":99999999999"), "malformed_json", "$.totalStock" },
        { Valid.Replace("\"totalStock\":10", "\"totalStock\":100000000"), "validation_failed", "totalStock" },
        { Valid.Replace("\"totalStock\":10", "\"totalStock\":1.5"), "malformed_json", "$.totalStock" },
        { Valid.Replace("\"totalStock\":10,", ""), "validation_failed", "totalStock" },
        { Valid.Replace("\"perUserLimit\":1", "\"perUserLimit\":0"), "validation_failed", "perUserLimit" },
        { Valid.Replace("\"startsAt\":\"2020-01-01T00:00:00Z\",", ""), "validation_failed", "startsAt" },
        { Valid.Replace("2020-01-01T00:00:00Z", "yesterday"), "malformed_json", "$.startsAt" },
        { Valid.Replace("2099-01-01T00:00:00Z", "2019-01-01T00:00:00Z"), "validation_failed", "endsAt" },
        { Valid.Replace("{\"days\":3}", "{}"), "validation_failed", "validity" },
        { Valid.Replace("{\"days\":3}", "{\"days\":0}"), "validation_failed", "validity.days" },
        { Valid.Replace("{\"days\":3}", "{\"days\":3,\"until\":\"2100-01-01T00:00:00Z\"}"), "validation_failed", "validity" },
        { Valid.Replace("{\"days\":3}", "{\"until\":\"2050-01-01T00:00:00Z\"}"), "validation_failed", "validity.until" },
    };

    [Theory]
    [MemberData(nameof(BadCampaigns))]
    public async Task Bad_campaigns_are_refused_with_the_field_named(string body, string code, string field)
    {
        using var marketer = system.Client(await system.TokenAsync("marketer", "marketing"));
        var before = await CampaignCountAsync();

        using var response = await marketer.PostAsync("/api/campaigns", new StringContent(body, Encoding.UTF8, "application/json"));

        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest, code);
        if (field != "")
        {
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"errors lack '{field}': {problem}");
        }

        // The same refusal for a reader of Chinese: the same code and fields, every message in Chinese.
        marketer.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");
        using var inChinese = await marketer.PostAsync("/api/campaigns", new StringContent(body, Encoding.UTF8, "application/json"));
        var chinese = await AssertProblemAsync(inChinese, HttpStatusCode.BadRequest, code);
        Assert.Equal(Fields(problem), Fields(chinese));
        AssertChinese(chinese);

        Assert.Equal(before, await CampaignCountAsync());
    }

    private static string[] Fields(JsonElement problem) =>
        problem.TryGetProperty("errors", out var errors) ? [.. errors.EnumerateObject().Select(e => e.Name)] : [];

    /// <summary>A problem's title and each field message are in Chinese (its code stays as it is, for clients to switch on).</summary>
    internal static void AssertChinese(JsonElement problem)
    {
        static bool IsChinese(string? text) => text is not null && text.Any(c => c is >= '\u4e00' and <= '\u9fff');
        Assert.True(IsChinese(problem.GetProperty("title").GetString()), $"title not in Chinese: {problem}");
        if (problem.TryGetProperty("errors", out var errors))
        {
            Assert.All(errors.EnumerateObject().SelectMany(e => e.Value.EnumerateArray()), m => Assert.True(IsChinese(m.GetString()), $"not in Chinese: {m}"));
        }
    }

    [Fact]
    public async Task A_campaign_body_that_is_not_json_or_too_large_is_refused()
    {
        using var marketer = system.Client(await system.TokenAsync("marketer", "marketing"));
        using var text = await marketer.PostAsync("/api/campaigns", new StringContent(Valid, Encoding.UTF8, "text/plain"));
        await AssertProblemAsync(text, HttpStatusCode.UnsupportedMediaType, "unsupported_media_type");

        var huge = Valid.Replace("\"n\"", "\"" + new string('x', 200_000) + "\"");
        using var large = await marketer.PostAsync("/api/campaigns", new StringContent(huge, Encoding.UTF8, "application/json"));
        await AssertProblemAsync(large, HttpStatusCode.RequestEntityTooLarge, "payload_too_large");
    }

    public static TheoryData<string?, string?, string> BadClaimHeaders => new()
    {
        { null, "device", "Idempotency-Key" },
        { "", "device", "Idempotency-Key" },
        { "   ", "device", "Idempotency-Key" },
        { new string('k', 129), "device", "Idempotency-Key" },
        { "key\u0001", "device", "Idempotency-Key" },
        { "key", null, "X-Device-Id" },
        { "key", "", "X-Device-Id" },
        { "key", new string('d', 129), "X-Device-Id" },
    };

    [Theory]
    [MemberData(nameof(BadClaimHeaders))]
    public async Task Claims_with_missing_or_malformed_headers_are_refused(string? key, string? device, string header)
    {
        var campaign = await system.CreateCampaignAsync(totalStock: 1);
        using var shopper = system.Client(await system.TokenAsync("header-tester", "shopper"));
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/campaigns/{campaign}/claims");
        if (key is not null)
        {
            request.Headers.TryAddWithoutValidation("Idempotency-Key", key);
        }

        if (device is not null)
        {
            request.Headers.TryAddWithoutValidation("X-Device-Id", device);
        }

        using var response = await shopper.SendAsync(request);

        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest, "invalid_header");
        Assert.True(problem.GetProperty("errors").TryGetProperty(header, out _));
        Assert.Equal(0, (await LedgerAudit.ReadAsync(system.Database, campaign)).CouponRows);
    }

    [Fact]
    public async Task Unknown_or_malformed_campaign_ids_are_not_found()
    {
        using var shopper = system.Client(await system.TokenAsync("lost", "shopper"));
        await AssertProblemAsync(await system.Client().GetAsync($"/api/campaigns/{Guid.NewGuid()}"), HttpStatusCode.NotFound, "campaign_not_found");
        await AssertProblemAsync(await system.Client().GetAsync("/api/campaigns/not-a-guid"), HttpStatusCode.NotFound, "campaign_not_found");
        var claim = await shopper.ClaimAsync(Guid.Empty, "k");
        Assert.Equal((HttpStatusCode.NotFound, "campaign_not_found"), (claim.Status, claim.Code));
        using var odd = await shopper.SendAsync(Infrastructure.Api.ClaimRequest(Guid.Empty, "k").WithUri("/api/campaigns/%20/claims"));
        await AssertProblemAsync(odd, HttpStatusCode.NotFound, "campaign_not_found");
    }

    [Fact]
    public async Task Identity_and_roles_are_enforced()
    {
        var campaign = await system.CreateCampaignAsync(totalStock: 5);
        var shopperToken = await system.TokenAsync("role-shopper", "shopper");
        var marketingToken = await system.TokenAsync("role-marketer", "marketing");

        // No token, a forged one, and one signed with another key.
        using var anonymous = system.Client();
        await AssertProblemAsync(await anonymous.SendAsync(Infrastructure.Api.ClaimRequest(campaign, "k")), HttpStatusCode.Unauthorized, "unauthenticated");
        using var forged = system.Client("not.a.token");
        await AssertProblemAsync(await forged.SendAsync(Infrastructure.Api.ClaimRequest(campaign, "k")), HttpStatusCode.Unauthorized, "unauthenticated");
        var parts = shopperToken.Split('.');
        using var tampered = system.Client($"{parts[0]}.{Base64Url("{\"sub\":\"someone-else\",\"role\":\"shopper\"}")}.{parts[2]}");
        await AssertProblemAsync(await tampered.SendAsync(Infrastructure.Api.ClaimRequest(campaign, "k")), HttpStatusCode.Unauthorized, "unauthenticated");

        // The wrong role on each side.
        using var marketer = system.Client(marketingToken);
        await AssertProblemAsync(await marketer.SendAsync(Infrastructure.Api.ClaimRequest(campaign, "k")), HttpStatusCode.Forbidden, "forbidden");
        using var shopper = system.Client(shopperToken);
        await AssertProblemAsync(await shopper.PostAsync("/api/campaigns", new StringContent(Valid, Encoding.UTF8, "application/json")), HttpStatusCode.Forbidden, "forbidden");
        await AssertProblemAsync(await anonymous.PostAsync("/api/campaigns", new StringContent(Valid, Encoding.UTF8, "application/json")), HttpStatusCode.Unauthorized, "unauthenticated");

        Assert.Equal(0, (await LedgerAudit.ReadAsync(system.Database, campaign)).CouponRows);
    }

    public static TheoryData<string> BadTokenRequests => new()
    {
        "", "{", "{}", "{\"userId\":\"\",\"roles\":[\"shopper\"]}", "{\"userId\":\"u\",\"roles\":[]}",
        "{\"userId\":\"u\",\"roles\":[\"root\"]}", "{\"userId\":\"u\",\"roles\":\"shopper\"}",
        "{\"userId\":\"u\",\"roles\":[\"shopper\"],\"lifetimeMinutes\":0}",
    };

    [Theory]
    [MemberData(nameof(BadTokenRequests))]
    public async Task Bad_token_requests_are_refused(string body)
    {
        using var response = await system.Client().PostAsync("/api/dev/tokens", new StringContent(body, Encoding.UTF8, "application/json"));
        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest, null);
        Assert.Contains(problem.GetProperty("code").GetString(), new[] { "malformed_json", "validation_failed" }, StringComparer.Ordinal);
    }

    private async Task<long> CampaignCountAsync()
    {
        await using var command = system.Database.CreateCommand("SELECT count(*) FROM campaign_stock");
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static string Base64Url(string json) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(json)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    internal static async Task<JsonElement> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string? code)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"expected {(int)status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(text).RootElement.Clone();
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        if (code is not null)
        {
            Assert.Equal(code, problem.GetProperty("code").GetString());
        }

        return problem;
    }
}

internal static class RequestExtensions
{
    public static HttpRequestMessage WithUri(this HttpRequestMessage request, string uri)
    {
        request.RequestUri = new Uri(uri, UriKind.Relative);
        return request;
    }
}
