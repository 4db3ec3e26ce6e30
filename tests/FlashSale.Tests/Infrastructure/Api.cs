using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace FlashSale.Tests.Infrastructure;

/// <summary>The calls the tests make again and again, over real HTTP.</summary>
public static class Api
{
    public static async Task<Guid> CreateCampaignAsync(this RunningSystem system, int totalStock, int perUserLimit = 1,
        DateTimeOffset? startsAt = null, DateTimeOffset? endsAt = null, object? risk = null, object? coupon = null, object? use = null,
        object? validity = null, object? price = null, bool cardSecrets = false, object? earlyAccess = null, object? payment = null)
    {
        using var client = system.Client(await system.TokenAsync("marketer-" + Guid.NewGuid().ToString("N")[..8], "marketing"));
        var response = await client.PostAsJsonAsync("/api/campaigns", new
        {
            name = "Test campaign",
            coupon = coupon ?? new { kind = "fixed", currency = "CNY", amountOff = 50 },
            totalStock,
            perUserLimit,
            startsAt = startsAt ?? DateTimeOffset.UtcNow.AddMinutes(-1),
            endsAt = endsAt ?? DateTimeOffset.UtcNow.AddHours(1),
            validity = validity ?? new { days = 7 },
            risk,
            use,
            price,
            cardSecrets,
            earlyAccess,
            payment,
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return body.GetProperty("id").GetGuid();
    }

    public static HttpRequestMessage ClaimRequest(Guid campaignId, string idempotencyKey, string deviceId = "device-1")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/campaigns/{campaignId}/claims");
        request.Headers.Add("Idempotency-Key", idempotencyKey);
        request.Headers.Add("X-Device-Id", deviceId);
        return request;
    }

    public static async Task<ClaimAnswer> ClaimAsync(this HttpClient client, Guid campaignId, string idempotencyKey, string deviceId = "device-1")
    {
        using var response = await client.SendAsync(ClaimRequest(campaignId, idempotencyKey, deviceId));
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return new ClaimAnswer(response.StatusCode, body);
    }
}

public sealed record ClaimAnswer(HttpStatusCode Status, JsonElement Body)
{
    public string? Code => Body.TryGetProperty("code", out var code) && code.ValueKind == JsonValueKind.String ? code.GetString() : null;
    public Guid CouponId => Body.GetProperty("couponId").GetGuid();
}
