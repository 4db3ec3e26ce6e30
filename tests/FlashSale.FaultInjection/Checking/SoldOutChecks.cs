using FlashSale.FaultInjection.Load;
using FlashSale.FaultInjection.Money;

namespace FlashSale.FaultInjection.Checking;

/// <summary>
/// "Sold out" is said only when the stock is gone: for every sold_out answer, the stock acknowledged
/// before its claim was sent (the campaign's first stock and the top-ups acknowledged by then, less a
/// grace of <see cref="GateGrace"/> for API nodes to hear of a top-up) was issued in the end.
/// </summary>
public static class SoldOutChecks
{
    public static readonly TimeSpan GateGrace = TimeSpan.FromSeconds(2);

    public static void Add(CheckList checks, Sale sale, IReadOnlyList<ClaimAttempt> answers, IReadOnlyCollection<MoneyOp> ops, IReadOnlyList<CampaignLedger> campaigns)
    {
        var topUps = ops.Where(o => o is { Request.Route: MoneyRoute.TopUp, Acknowledged: true }).GroupBy(o => o.Request.Key, StringComparer.Ordinal).Select(g => g.MinBy(o => o.AnsweredAt)!).ToList();
        var soldOut = answers.Where(a => a.Code == "sold_out").ToList();
        var rows = campaigns.ToDictionary(c => c.CampaignId, c => c.CouponRows);
        var early = soldOut.Where(a => rows[a.Request.CampaignId] < StockBefore(a, sale, topUps)).ToList();
        checks.Add("sold out was said only once the stock then acknowledged was all issued",
            soldOut.Count, early.Count,
            soldOut.Count == 0 ? "no campaign sold out"
            : string.Join("; ", soldOut.GroupBy(a => a.Request.CampaignId).Select(g => campaigns.Single(c => c.CampaignId == g.Key) is var c
                ? $"{c.Name}: sold_out said {g.Count():N0} times, {c.CouponRows:N0} issued of {c.TotalStock:N0}" : ""))
            + CheckList.Examples(early, a => $"key {a.Request.Key} sent {a.SentAt.TotalSeconds:0.0} s: stock then {StockBefore(a, sale, topUps)}, issued {rows[a.Request.CampaignId]}"));
    }

    private static long StockBefore(ClaimAttempt claim, Sale sale, List<MoneyOp> topUps) =>
        sale.Campaigns.Single(c => c.Id == claim.Request.CampaignId).TotalStock
        + topUps.Where(t => t.Request.CampaignId == claim.Request.CampaignId && t.AnsweredAt + GateGrace < claim.SentAt).Sum(t => t.Request.Quantity);
}
