using System.Globalization;
using FlashSale.FaultInjection.Load;
using FlashSale.FaultInjection.Money;

namespace FlashSale.FaultInjection.Checking.Money;

/// <summary>
/// M2 Points: every balance is the sum of its entries; a points card credits once and is never handed
/// back; every acknowledged credit is exactly one entry; every coupon bought with points is one debit.
/// </summary>
public static class PointsChecks
{
    public static void Add(CheckList checks, MoneyEvidence evidence)
    {
        var ledger = evidence.Ledger;
        var unexplained = ledger.PointsAccounts.Where(a => (a.Balance ?? 0) != a.EntriesSum).ToList();
        checks.Add("M2 every points balance = the sum of its shopper's entries",
            ledger.PointsAccounts.Count, unexplained.Count,
            $"accounts checked: {ledger.PointsAccounts.Count:N0}, entries {ledger.PointsEntries.Count:N0} "
            + $"({string.Join(", ", ledger.PointsEntries.GroupBy(e => e.Reason, StringComparer.Ordinal).Select(g => $"{g.Key} {g.Count():N0}"))})"
            + CheckList.Examples(unexplained, a => $"{a.Shopper}: balance {a.Balance?.ToString(CultureInfo.InvariantCulture) ?? "none"}, entries {a.EntriesSum}"));

        var cardUses = ledger.Redemptions.Where(r => r.Kind == "points_card").ToList();
        var cardCredits = ledger.PointsEntries.Where(e => e.Reason == "points_card").ToLookup(e => e.CouponId!.Value);
        var handedBack = cardUses.Where(u => u.Refunded).ToList();
        var creditedTwice = cardCredits.Where(c => c.Count() > 1).ToList();
        var cardOps = evidence.Answered(MoneyRoute.PointsCard).Concat(evidence.Ops.Where(o => o.Answer is null && o.Request.Route == MoneyRoute.PointsCard))
            .ToLookup(o => o.Request.Coupons[0]);
        // A card credited although every request for it was refused, none left unknown.
        var creditedUnasked = cardCredits.Where(c => cardOps[c.Key].All(o => o.Refused && o.Attempts.All(a => a.Outcome == Outcome.Refused))).ToList();
        var toldButNot = cardOps.Where(c => c.Any(o => o.Acknowledged) && !cardCredits.Contains(c.Key)).ToList();
        checks.Add("M2 a points card credits once, for good: one entry, its use never refunded, none without an answer that allowed it",
            cardOps.Count, handedBack.Count + creditedTwice.Count + creditedUnasked.Count + toldButNot.Count,
            $"points cards asked: {cardOps.Count:N0}, credited {cardCredits.Count:N0}; refunded uses {handedBack.Count}, credited twice {creditedTwice.Count}, "
            + $"credited though refused {creditedUnasked.Count}, told credited but no entry {toldButNot.Count}");

        var byKey = ledger.PointsEntries.Where(e => e.CreditKey is not null).ToLookup(e => e.CreditKey!, StringComparer.Ordinal);
        var credits = evidence.Answered(MoneyRoute.Credit).Where(o => o.Acknowledged).GroupBy(o => o.Request.Key!, StringComparer.Ordinal).ToList();
        var notOnce = credits.Where(k => byKey[k.Key].Count() != 1
            || byKey[k.Key].Single() is var e && (e.Delta != k.First().Request.Quantity || e.Shopper != k.First().Request.Recipient)).ToList();
        checks.Add("M2 every acknowledged points credit (by key) is exactly one entry",
            credits.Count, notOnce.Count,
            $"credit keys acknowledged: {credits.Count:N0} ({credits.Count(k => k.Count() > 1):N0} sent to both nodes at once, "
            + $"{credits.Count(k => k.Any(o => o.Answer!.Replayed)):N0} answered as replays)"
            + CheckList.Examples(notOnce, k => $"{k.Key}: {byKey[k.Key].Count()} entries"));

        var debits = ledger.PointsEntries.Where(e => e.Reason == "claim").ToLookup(e => e.CouponId!.Value);
        var bought = ledger.PointsPricedCoupons.ToHashSet();
        var unpaid = bought.Where(c => debits[c].Count() != 1 || debits[c].Single().Delta != -MoneyCampaigns.Price).ToList();
        var debitWithoutCoupon = debits.Where(d => !bought.Contains(d.Key)).ToList();
        checks.Add("M2 every coupon bought with points is exactly one debit of its price, every debit a coupon",
            bought.Count, unpaid.Count + debitWithoutCoupon.Count,
            $"points-priced coupons: {bought.Count:N0}; without exactly one debit {unpaid.Count}, debits without a coupon {debitWithoutCoupon.Count}");
    }
}
