using System.Text;
using FlashSale.Api.Campaigns;
using FlashSale.Api.Paging;
using FlashSale.GrainInterfaces.Wallet;

namespace FlashSale.Api.Wallet;

/// <param name="Transferable">Its campaign lets it be given to another shopper (<c>POST /api/me/coupons/{id}/transfer</c>).</param>
/// <param name="CardSecret">It carries a card secret (<c>GET /api/me/coupons/{id}/secret</c>).</param>
public sealed record WalletCouponResponse(
    Guid CouponId, string? Code, Guid CampaignId, string CampaignName, CouponTermsResponse Coupon, string Status,
    DateTimeOffset IssuedAt, DateTimeOffset ExpiresAt, decimal? Balance, bool Stackable, bool Transferable, bool CardSecret)
{
    public static WalletCouponResponse Of(WalletCoupon coupon) => new(
        coupon.CouponId, coupon.Code, coupon.CampaignId, coupon.CampaignName, CouponTermsResponse.Of(coupon.Terms),
        Name(coupon.Status), coupon.IssuedAt, coupon.ExpiresAt, coupon.Balance, coupon.Stackable, coupon.Transferable, coupon.CardSecret);

    public static string Name(CouponStatus status) => status.ToString().ToLowerInvariant();
}

/// <param name="Next">Pass as <c>after</c> for the next page; absent on the last one.</param>
public sealed record WalletPageResponse(IReadOnlyList<WalletCouponResponse> Coupons, string? Next)
{
    public static WalletPageResponse Of(WalletPage page) =>
        new([.. page.Coupons.Select(WalletCouponResponse.Of)], page.Next is { } next ? PageCursor.Write(next) : null);
}

public sealed record RedemptionResponse(
    Guid RedemptionId, Guid CouponId, string OrderId, decimal Amount, string Currency, decimal Discount, decimal? BalanceLeft,
    DateTimeOffset RedeemedAt)
{
    public static RedemptionResponse Of(Redemption r) =>
        new(r.RedemptionId, r.CouponId, r.OrderId, r.Amount, r.Currency, r.Discount, r.BalanceLeft, r.RedeemedAt);
}

/// <param name="CancelledAt">When the order was cancelled (its coupons came back); absent while it stands.</param>
public sealed record CouponOrderResponse(string OrderId, decimal Amount, string Currency, decimal Discount, DateTimeOffset CreatedAt,
    DateTimeOffset? CancelledAt, IReadOnlyList<CouponOrderUseResponse> Coupons)
{
    public static CouponOrderResponse Of(CouponOrder order) =>
        new(order.OrderId, order.Amount, order.Currency, order.Uses.Sum(use => use.Discount), order.CreatedAt, order.CancelledAt,
            [.. order.Uses.Select(use => new CouponOrderUseResponse(use.CouponId, use.CampaignId, use.CampaignName, use.Discount))]);
}

public sealed record CouponOrderUseResponse(Guid CouponId, Guid CampaignId, string CampaignName, decimal Discount);

public sealed record CouponOrdersResponse(IReadOnlyList<CouponOrderResponse> Orders)
{
    public static CouponOrdersResponse Of(IEnumerable<CouponOrder> orders) => new([.. orders.Select(CouponOrderResponse.Of)]);
}

public sealed record RefundResponse(string OrderId, IReadOnlyList<RefundedUseResponse> Refunded);

/// <param name="Status">The coupon's status now: available again, or expired meanwhile.</param>
public sealed record RefundedUseResponse(Guid CouponId, decimal Discount, string Status, decimal? Balance)
{
    public static RefundedUseResponse Of(RefundedUse use) => new(use.CouponId, use.Discount, WalletCouponResponse.Name(use.StatusNow), use.BalanceNow);
}

public sealed record TransferResponse(Guid CouponId, string To, DateTimeOffset TransferredAt);

public sealed record PlannedUseResponse(Guid CouponId, Guid CampaignId, string CampaignName, decimal Discount);

/// <param name="Payable">What is left to pay once the coupons are used.</param>
public sealed record PlanResponse(IReadOnlyList<PlannedUseResponse> Coupons, decimal TotalDiscount, decimal Payable)
{
    public static PlanResponse Of(CheckoutPlan plan, decimal amount) =>
        new([.. plan.Uses.Select(u => new PlannedUseResponse(u.CouponId, u.CampaignId, u.CampaignName, u.Discount))], plan.TotalDiscount,
            amount - plan.TotalDiscount);
}

public sealed record CheckoutResponse(string OrderId, IReadOnlyList<RedemptionResponse> Redemptions, decimal TotalDiscount, decimal Payable)
{
    public static CheckoutResponse Of(OrderAmount order, CheckoutResult result)
    {
        var total = result.Redemptions.Sum(r => r.Discount);
        return new(order.OrderId, [.. result.Redemptions.Select(RedemptionResponse.Of)], total, order.Amount - total);
    }
}
