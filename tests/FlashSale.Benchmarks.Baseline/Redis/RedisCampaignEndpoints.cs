using System.Text;
using System.Text.Json;
using FlashSale.Api.Claims;
using FlashSale.Api.Identity;
using FlashSale.Benchmarks.Baseline.Problems;
using StackExchange.Redis;

namespace FlashSale.Benchmarks.Baseline.Redis;

/// <summary>
/// B1, the usual flash-sale design: the API checks the per-user limit and takes stock in one Redis Lua
/// script. Its claim endpoint has FlashSale's shape (route, role, headers, answers) so the load generator
/// drives both alike; campaign creation is benchmark setup and needs no token.
/// </summary>
public static class RedisCampaignEndpoints
{
    public sealed record CampaignRequest(int TotalStock, int? PerUserLimit);

    public sealed record CampaignCreated(Guid Id);

    public static IServiceCollection AddRedisCampaigns(this IServiceCollection services, IConfiguration configuration)
    {
        // Connected on first use, so /bare (E0) runs without a Redis.
        services.AddSingleton<IConnectionMultiplexer>(_ => ConnectionMultiplexer.Connect(
            configuration["Redis:Configuration"] ?? throw new InvalidOperationException("Set Redis:Configuration (env Redis__Configuration), e.g. 127.0.0.1:6390.")));
        services.AddSingleton<ClaimScript>();
        return services;
    }

    public static void MapRedisCampaigns(this IEndpointRouteBuilder app)
    {
        app.MapPost("/redis/campaigns", Create);
        app.MapPost("/redis/campaigns/{id}/claims", Claim).RequireAuthorization(Roles.Shopper);
    }

    private static async Task<IResult> Create(CampaignRequest request, IConnectionMultiplexer redis)
    {
        var perUserLimit = request.PerUserLimit ?? 1;
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (request.TotalStock < 0)
        {
            errors["totalStock"] = ["At least 0."];
        }

        if (perUserLimit < 1)
        {
            errors["perUserLimit"] = ["At least 1."];
        }

        if (errors.Count > 0)
        {
            return BaselineProblems.Validation(errors, "validation_failed", "The request has invalid fields.");
        }

        var id = Guid.NewGuid();
        await redis.GetDatabase().HashSetAsync(RedisKeys.Campaign(id), [new("stock", request.TotalStock), new("limit", perUserLimit)]);
        return Results.Created($"/redis/campaigns/{id}", new CampaignCreated(id));
    }

    private static async Task<IResult> Claim(string id, HttpContext context, ClaimScript script)
    {
        var (key, device, errors) = ClaimHeaders.Read(context.Request.Headers);
        if (errors.Count > 0)
        {
            return BaselineProblems.Validation(errors, "invalid_header", "The request has missing or malformed headers.");
        }

        if (!Guid.TryParse(id, out var campaignId))
        {
            return CampaignNotFound();
        }

        // Serialized before the call so that Redis stores, and a replay returns, exactly these bytes.
        var coupon = JsonSerializer.Serialize(CouponResponse.Issue(campaignId, DateTimeOffset.UtcNow), JsonSerializerOptions.Web);
        var reply = await script.Run(campaignId, context.ShopperId(), key, device, coupon);
        switch (reply.Outcome)
        {
            case ClaimOutcome.Issued:
                return CouponBody(reply.Coupon!);
            case ClaimOutcome.Replayed:
                context.Response.Headers["Idempotent-Replayed"] = "true";
                return CouponBody(reply.Coupon!);
            case ClaimOutcome.CampaignNotFound:
                return CampaignNotFound();
            case ClaimOutcome.KeyReused:
                return BaselineProblems.Of(StatusCodes.Status422UnprocessableEntity, "idempotency_key_reused",
                    "This Idempotency-Key was already used for a different request; use a fresh key for a new claim.");
            case ClaimOutcome.LimitReached:
                return BaselineProblems.Of(StatusCodes.Status409Conflict, "limit_reached",
                    "You already hold as many coupons of this campaign as it allows.");
            default:
                return BaselineProblems.Of(StatusCodes.Status409Conflict, "sold_out", "Every coupon of this campaign has been claimed.");
        }
    }

    private static IResult CouponBody(string json) =>
        Results.Text(json, "application/json", Encoding.UTF8, StatusCodes.Status201Created);

    private static IResult CampaignNotFound() =>
        BaselineProblems.Of(StatusCodes.Status404NotFound, "campaign_not_found", "There is no such campaign.");
}
