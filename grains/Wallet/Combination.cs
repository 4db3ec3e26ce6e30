using FlashSale.GrainInterfaces.Campaigns;
using FlashSale.GrainInterfaces.Wallet;

namespace FlashSale.Grains.Wallet;

/// <summary>
/// Several coupons on one order. Discounts are each worked out against the order's amount and
/// together never exceed it; gift cards then pay from what is left. An exclusive coupon is an
/// order's only coupon, and one campaign's coupons do not stack with each other.
/// </summary>
public static class Combination
{
    /// <summary>A coupon that may not be used together with the others; null when the set stacks.</summary>
    public static CouponRow? Clash(IReadOnlyList<CouponRow> coupons) =>
        coupons.Count < 2 ? null
        : coupons.FirstOrDefault(c => !c.Stackable)
            ?? coupons.GroupBy(c => c.CampaignId).FirstOrDefault(g => g.Count() > 1)?.Skip(1).First();

    /// <summary>What each coupon takes off: larger discounts first, so the cap trims the smallest.</summary>
    public static List<(CouponRow Coupon, decimal Discount)> Apply(IReadOnlyList<CouponRow> coupons, decimal amount)
    {
        var applied = new List<(CouponRow, decimal)>(coupons.Count);
        var left = amount;
        var discounts = coupons.Where(c => c.Terms.Kind != CouponKind.Giftcard).OrderByDescending(c => Discounts.Of(c, amount));
        var cards = coupons.Where(c => c.Terms.Kind == CouponKind.Giftcard).OrderBy(c => c.ExpiresAt);
        foreach (var coupon in discounts.Concat(cards))
        {
            var off = Math.Min(coupon.Terms.Kind == CouponKind.Giftcard ? coupon.BalanceLeft : Discounts.Of(coupon, amount), left);
            applied.Add((coupon, off));
            left -= off;
        }

        return applied;
    }

    /// <summary>
    /// The discount coupons that save the most on this order: the best exclusive coupon alone, or
    /// the best stackable coupon of each campaign together, as few as reach the amount; on a tie,
    /// the ones that expire first. Gift cards are money rather than savings and are left to the shopper.
    /// </summary>
    public static List<CouponRow> Best(IEnumerable<CouponRow> available, OrderAmount order, DateTimeOffset now)
    {
        var usable = available
            .Where(c => c.Terms.Kind is not (CouponKind.Giftcard or CouponKind.Points) && Discounts.Refusal(c, order, now) is null && Discounts.Of(c, order.Amount) > 0)
            .OrderByDescending(c => Discounts.Of(c, order.Amount))
            .ThenBy(c => c.ExpiresAt)
            .ToList();

        var together = new List<CouponRow>();
        var saved = 0m;
        foreach (var coupon in usable.Where(c => c.Stackable).DistinctBy(c => c.CampaignId))
        {
            if (saved >= order.Amount)
            {
                break;
            }

            together.Add(coupon);
            saved += Discounts.Of(coupon, order.Amount);
        }

        var alone = usable.FirstOrDefault(c => !c.Stackable);
        return alone is not null && Discounts.Of(alone, order.Amount) > Math.Min(saved, order.Amount) ? [alone] : together;
    }
}
