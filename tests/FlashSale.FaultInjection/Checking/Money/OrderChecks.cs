using FlashSale.FaultInjection.Money;

namespace FlashSale.FaultInjection.Checking.Money;

/// <summary>
/// M1 Orders: each order's row against its standing uses (discount within the amount, at most 20
/// coupons, an exclusive coupon alone, one use per campaign), and every redemption answer against
/// the rows: a 200 is its row, a refusal has none.
/// </summary>
public static class OrderChecks
{
    private const int MaxCoupons = 20;

    public static void Add(CheckList checks, MoneyEvidence evidence)
    {
        var redemptions = evidence.Ledger.Redemptions.Where(r => r.Kind == "order").ToList();
        var standing = redemptions.Where(r => r.Standing).ToLookup(r => (r.Scope, r.OrderId));
        var orders = evidence.Ledger.Orders;
        var broken = orders.Select(o => (Order: o, Why: Broken(o, [.. standing[(o.Scope, o.OrderId)]]))).Where(b => b.Why is not null).ToList();
        var known = orders.Select(o => (o.Scope, o.OrderId)).ToHashSet();
        var orphans = redemptions.Where(r => !known.Contains((r.Scope, r.OrderId))).ToList();
        checks.Add("M1 every order: discount <= amount, <= 20 coupons, an exclusive coupon alone, one use per campaign; its row counts its standing uses",
            orders.Count, broken.Count + orphans.Count,
            $"orders checked: {orders.Count:N0} ({orders.Count(o => o.Coupons > 1):N0} with several coupons, {orders.Count(o => o.Refunded):N0} refunded, "
            + $"{orders.Count(o => o.Scope.StartsWith("merchant:", StringComparison.Ordinal)):N0} tills', "
            + $"{orders.Count(o => o.Refunded && o.Exclusive):N0} refunded still flagged exclusive); {orphans.Count} uses without an order row"
            + CheckList.Examples(broken, b => $"{b.Order.Scope}/{b.Order.OrderId}: {b.Why}"));

        var answers = evidence.Answered(MoneyRoute.Redeem, MoneyRoute.TillRedeem, MoneyRoute.Checkout).ToList();
        var rows = redemptions.ToDictionary(r => r.RedemptionId);
        var byUse = redemptions.ToLookup(r => (r.Scope, r.OrderId, r.CouponId));
        var wrong = answers.Select(op => (Op: op, Why: op.Acknowledged ? NotItsRow(op, rows) : RowOfRefusal(op, byUse)))
            .Where(w => w.Why is not null).ToList();
        checks.Add("M1 every redemption answered 200 is its row, every one refused is not",
            answers.Count, wrong.Count,
            $"redemption answers checked: {answers.Count:N0} ({answers.Count(o => o.Acknowledged):N0} acknowledged, {answers.Count(o => o.Refused):N0} refused: "
            + string.Join(", ", answers.Where(o => o.Refused).GroupBy(o => o.Answer!.Code, StringComparer.Ordinal).OrderByDescending(g => g.Count()).Select(g => $"{g.Key} {g.Count():N0}")) + ")"
            + CheckList.Examples(wrong, w => $"{w.Op.Request.Route} {w.Op.Request.OrderScope}/{w.Op.Request.OrderId}: {w.Why}"));
    }

    private static string? Broken(OrderRow order, List<RedemptionRow> uses)
    {
        var discount = uses.Sum(u => u.Discount);
        var exclusive = uses.Any(u => !u.Stackable);
        return discount > order.Amount ? $"discount {discount} of an amount of {order.Amount}"
            : uses.Count > MaxCoupons ? $"{uses.Count} coupons"
            : exclusive && uses.Count > 1 ? $"an exclusive coupon with {uses.Count - 1} others"
            : uses.GroupBy(u => u.CampaignId).FirstOrDefault(g => g.Count() > 1) is { } twice ? $"{twice.Count()} uses of campaign {twice.Key}"
            : uses.FirstOrDefault(u => u.Amount != order.Amount) is { } other ? $"a use for an amount of {other.Amount}, the order's is {order.Amount}"
            // A refunded order is closed (no use joins it again): its exclusive flag is not read again, and stays as it was.
            : order.Discount != discount || order.Coupons != uses.Count || (order.Exclusive != exclusive && !order.Refunded)
                ? $"row says discount {order.Discount}, {order.Coupons} coupons, exclusive {order.Exclusive}; its uses {discount}, {uses.Count}, {exclusive}"
            : null;
    }

    private static string? NotItsRow(MoneyOp op, Dictionary<Guid, RedemptionRow> rows)
    {
        var body = op.Answer!.Body!.Value;
        var told = op.Request.Route == MoneyRoute.Checkout ? body.GetProperty("redemptions").EnumerateArray().ToList() : [body];
        foreach (var use in told)
        {
            var id = use.GetProperty("redemptionId").GetGuid();
            if (!rows.TryGetValue(id, out var row))
            {
                return $"told redemption {id}, which has no row";
            }

            if (row.Scope != op.Request.OrderScope || row.OrderId != op.Request.OrderId || row.CouponId != use.GetProperty("couponId").GetGuid()
                || row.Discount != use.GetProperty("discount").GetDecimal())
            {
                return $"told redemption {id}, whose row is {row.Scope}/{row.OrderId}, coupon {row.CouponId}, discount {row.Discount}";
            }
        }

        return null;
    }

    // A use of the same order, coupon and amount exists although this request was refused.
    private static string? RowOfRefusal(MoneyOp op, ILookup<(string, string, Guid), RedemptionRow> byUse) =>
        op.Request.Coupons.SelectMany(c => byUse[(op.Request.OrderScope, op.Request.OrderId!, c)]).FirstOrDefault(r => r.Amount == op.Request.Amount)
            is { } row
            ? $"refused {op.Answer!.Status} {op.Answer.Code}, yet coupon {row.CouponId} has redemption {row.RedemptionId} on it for {row.Amount}"
              + (row.Refunded ? " (refunded since)" : "")
            : null;
}
