using FlashSale.FaultInjection.Load;
using FlashSale.FaultInjection.Money;

namespace FlashSale.FaultInjection.Checking.Money;

/// <summary>
/// M5 Undo: every refunded use was refunded by the party that made its order (the shopper for
/// 'shopper:X', a till of M for 'merchant:M'; points cards never); an order refunded with a 200 has no standing use left.
/// </summary>
public static class RefundChecks
{
    public static void Add(CheckList checks, MoneyEvidence evidence)
    {
        var refunded = evidence.Ledger.Redemptions.Where(r => r.Refunded).ToList();
        var wrongParty = refunded.Where(r => !ByItsScope(r)).ToList();
        var uses = evidence.Ledger.Redemptions.Where(r => r.Kind == "order").ToLookup(r => (r.Scope, r.OrderId));
        var refunds = evidence.Answered(MoneyRoute.ShopperRefund, MoneyRoute.TillRefund).Where(o => o.Acknowledged).ToList();
        var stillStanding = refunds.Where(o => uses[(o.Request.OrderScope, o.Request.OrderId!)].Any(r => r.Standing)).ToList();
        checks.Add("M5 every refunded use was refunded through its own order's scope; a refund answered 200 leaves no standing use",
            refunded.Count, wrongParty.Count + stillStanding.Count,
            $"refunded uses: {refunded.Count:N0} ({refunded.Count(r => r.Scope.StartsWith("shopper:", StringComparison.Ordinal)):N0} by shoppers, "
            + $"{refunded.Count(r => r.Scope.StartsWith("merchant:", StringComparison.Ordinal)):N0} by tills); refunds answered 200: {refunds.Count:N0}"
            + CheckList.Examples(wrongParty, r => $"{r.Scope}/{r.OrderId} refunded by {r.RefundedBy}")
            + CheckList.Examples(stillStanding, o => $"{o.Request.OrderScope}/{o.Request.OrderId} refunded, a use still standing"));
    }

    private static bool ByItsScope(RedemptionRow use) =>
        use.Kind == "order" && use.RefundedBy is { } by
        && (use.Scope == Actor.Shopper(by).OrderScope || Staff.TillsOf(use.Scope).Contains(by, StringComparer.Ordinal));
}
