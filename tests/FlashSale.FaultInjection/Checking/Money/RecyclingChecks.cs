using FlashSale.FaultInjection.Money;

namespace FlashSale.FaultInjection.Checking.Money;

/// <summary>M7 Recycling: no coupon given back to the stock has a standing use.</summary>
public static class RecyclingChecks
{
    public static void Add(CheckList checks, MoneyEvidence evidence)
    {
        var recycled = evidence.Ledger.Recycled;
        var used = recycled.Where(r => r.StandingUse).ToList();
        var expiring = evidence.Claims.Where(a => a.Request.CampaignId == evidence.Sale.Money.Expiring.Id && a.CouponId is not null)
            .Select(a => a.CouponId!.Value).ToHashSet();
        var uses = evidence.Answered(MoneyRoute.Redeem).Where(o => expiring.Contains(o.Request.Coupons[0])).ToList();
        checks.Add("M7 no recycled coupon has a standing use",
            recycled.Count, used.Count,
            $"coupons recycled: {recycled.Count:N0}; uses of 3-second coupons asked around their expiry: {uses.Count:N0} "
            + $"({uses.Count(o => o.Acknowledged):N0} redeemed, {uses.Count(o => o.RefusedWith("expired")):N0} refused expired)"
            + CheckList.Examples(used, r => $"coupon {r.CouponId}"));
    }
}
