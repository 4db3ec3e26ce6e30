using System.Net.Http.Headers;
using System.Text.Json;

namespace FlashSale.FaultInjection.Load;

/// <summary>Sends claims to the API nodes and says what each answer means to a shopper.</summary>
public sealed class ClaimClient(ApiNodes nodes, Tokens tokens)
{
    public int Nodes => nodes.Count;

    public async Task<ClaimAttempt> SendAsync(ClaimRequest claim, int node)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/campaigns/{claim.CampaignId}/claims");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await tokens.ForAsync(Actor.Shopper(claim.ShopperId)));
        request.Headers.Add("Idempotency-Key", claim.Key);
        request.Headers.Add("X-Device-Id", claim.DeviceId);
        var exchange = await nodes.SendAsync(request, node);
        if (exchange.Failure is { } failure)
        {
            return Attempt(claim, exchange, Outcome.Unknown, null, failure);
        }

        var (couponId, code) = Read(exchange.Body);
        // A 2xx without a coupon is not an answer a shopper can act on.
        var outcome = exchange.Outcome == Outcome.Acknowledged && couponId is null ? Outcome.Unknown : exchange.Outcome;
        return Attempt(claim, exchange, outcome, couponId, code);
    }

    private static ClaimAttempt Attempt(ClaimRequest claim, Exchange exchange, Outcome outcome, Guid? couponId, string code) =>
        new(claim, exchange.Node, exchange.SentAt, exchange.AnsweredAt, outcome, exchange.Status, couponId, code);

    private static (Guid? CouponId, string Code) Read(string body)
    {
        try
        {
            var root = JsonDocument.Parse(body).RootElement;
            var couponId = root.TryGetProperty("couponId", out var id) && id.TryGetGuid(out var guid) ? guid : (Guid?)null;
            var code = root.TryGetProperty("code", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString()! : "";
            return (couponId, code);
        }
        catch (JsonException)
        {
            return (null, "unreadable");
        }
    }
}
