using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace FlashSale.Tests.Infrastructure;

/// <summary>A shopper's wallet and a merchant's till, over real HTTP.</summary>
public static class WalletApi
{
    /// <summary>Claims one coupon of the campaign for the token's shopper: its id and code.</summary>
    public static async Task<(Guid Id, string Code)> ClaimCouponAsync(this RunningSystem system, string token, Guid campaign)
    {
        using var client = system.Client(token);
        var answer = await client.ClaimAsync(campaign, Guid.NewGuid().ToString("N"));
        Assert.Equal(HttpStatusCode.Created, answer.Status);
        return (answer.CouponId, answer.Body.GetProperty("code").GetString()!);
    }

    public static async Task<Answer> RedeemAsync(this HttpClient shopper, Guid couponId, string orderId, decimal amount, string currency = "CNY") =>
        await Answer.Of(await shopper.PostAsJsonAsync($"/api/me/coupons/{couponId}/redeem", new { orderId, amount, currency }));

    public static async Task<Answer> RedeemByCodeAsync(this HttpClient merchant, string code, string orderId, decimal amount, string currency = "CNY") =>
        await Answer.Of(await merchant.PostAsJsonAsync("/api/merchant/redemptions", new { code, orderId, amount, currency }));

    public static async Task<Answer> TransferAsync(this HttpClient shopper, Guid couponId, string to) =>
        await Answer.Of(await shopper.PostAsJsonAsync($"/api/me/coupons/{couponId}/transfer", new { to }));

    public static async Task<Answer> RefundAsync(this HttpClient client, string orderId, bool asMerchant = false) =>
        await Answer.Of(await client.PostAsync(asMerchant ? $"/api/merchant/orders/{orderId}/refund" : $"/api/me/orders/{orderId}/refund", null));

    public static async Task<Answer> WalletAsync(this HttpClient shopper, string query = "") =>
        await Answer.Of(await shopper.GetAsync("/api/me/coupons" + query));

    /// <summary>Every coupon of the wallet, following the pages.</summary>
    public static async Task<List<JsonElement>> WholeWalletAsync(this HttpClient shopper, string status = "")
    {
        var coupons = new List<JsonElement>();
        var query = $"?limit=100{(status == "" ? "" : "&status=" + status)}";
        while (true)
        {
            var page = await shopper.WalletAsync(query);
            Assert.Equal(HttpStatusCode.OK, page.Status);
            coupons.AddRange(page.Body.GetProperty("coupons").EnumerateArray());
            if (!page.Body.TryGetProperty("next", out var next) || next.ValueKind != JsonValueKind.String)
            {
                return coupons;
            }

            query = $"?limit=100&after={next.GetString()}{(status == "" ? "" : "&status=" + status)}";
        }
    }
}

public sealed record Answer(HttpStatusCode Status, JsonElement Body, bool Replayed)
{
    public string? Code => Body.ValueKind == JsonValueKind.Object && Body.TryGetProperty("code", out var code) && code.ValueKind == JsonValueKind.String
        ? code.GetString()
        : null;

    public decimal Decimal(string name) => Body.GetProperty(name).GetDecimal();

    public static async Task<Answer> Of(Task<HttpResponseMessage> response) => await Of(await response);

    public static async Task<Answer> Of(HttpResponseMessage response)
    {
        using (response)
        {
            var text = await response.Content.ReadAsStringAsync();
            var body = text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
            return new Answer(response.StatusCode, body, response.Headers.Contains("Idempotent-Replayed"));
        }
    }
}
