namespace FlashSale.Benchmarks.Baseline.Bare;

/// <summary>
/// E0, the HTTP ceiling of the machine: <c>POST /bare</c> reads a claim-sized JSON body and answers a
/// coupon-sized JSON body, with no authentication and no I/O. Nothing that does real work can beat it.
/// </summary>
public static class BareEndpoint
{
    public sealed record BareRequest(string? CampaignId, string? ShopperId, string? Key);

    public static void MapBare(this IEndpointRouteBuilder app) =>
        app.MapPost("/bare", (BareRequest request) =>
        {
            // Echo a well-formed campaign id; the load generator may send anything.
            var campaignId = Guid.TryParse(request.CampaignId, out var id) ? id : Guid.Empty;
            return Results.Ok(CouponResponse.Issue(campaignId, DateTimeOffset.UtcNow));
        });
}
