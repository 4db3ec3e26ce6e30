using FlashSale.Api.Identity;
using FlashSale.Api.Problems;
using FlashSale.GrainInterfaces.Wallet;

namespace FlashSale.Api.Wallet;

/// <summary>The audit of a coupon's life for admins: issue, transfers, uses, refunds, secret reveals, recycling.</summary>
public static class CouponHistoryEndpoints
{
    public static void MapCouponHistory(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/admin/coupons/{id}/history", History)
            .WithTags("Wallet")
            .RequireAuthorization(Roles.Admin)
            .WithSummary("Everything that happened to a coupon, oldest first (role admin)")
            .Produces<IReadOnlyList<CouponEventResponse>>()
            .ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<IResult> History(string id, IClusterClient cluster)
    {
        var events = Guid.TryParse(id, out var couponId) ? await cluster.GetGrain<ICouponHistoryGrain>(0).Of(couponId) : [];
        return events.IsEmpty
            ? Problem.Of(StatusCodes.Status404NotFound, "coupon_not_found", "No such coupon.")
            : Results.Ok(events.Select(e => new CouponEventResponse(e.Kind, e.At, e.Actor, e.Counterpart, e.OrderId, e.Amount)).ToList());
    }
}

/// <param name="Actor">Who did it: the claimer, the giver, who redeemed or refunded, who looked at the secret.</param>
/// <param name="Counterpart">The recipient of a transfer; the holder a redemption or refund was for.</param>
public sealed record CouponEventResponse(string Kind, DateTimeOffset At, string? Actor, string? Counterpart, string? OrderId, decimal? Amount);
