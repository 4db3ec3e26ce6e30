using FlashSale.FaultInjection.Load;
using FlashSale.FaultInjection.Money;

namespace FlashSale.FaultInjection.Checking.Money;

/// <summary>
/// M6 Closed means closed: no claim sent after a pause or an end was acknowledged (and answered
/// before the resume was sent) got a new coupon; replays of keys sent before it may. Top-ups: every
/// acknowledged key added its coupons once, no refused key added any.
/// </summary>
public static class ClosedCampaignChecks
{
    public static void Add(CheckList checks, MoneyEvidence evidence)
    {
        var windows = Windows(evidence.Ops).ToList();
        var firstSent = evidence.Claims.GroupBy(a => (a.Request.ShopperId, a.Request.Key, a.Request.CampaignId)).ToDictionary(g => g.Key, g => g.Min(a => a.SentAt));
        var judged = evidence.Claims.Select(a => (Claim: a, Window: windows.FirstOrDefault(w => w.Holds(a))))
            .Where(j => j.Window is not null && j.Claim.Outcome != Outcome.Unknown).ToList();
        var issued = judged.Where(j => j.Claim.Outcome == Outcome.Acknowledged
            && firstSent[(j.Claim.Request.ShopperId, j.Claim.Request.Key, j.Claim.Request.CampaignId)] >= j.Window!.From).ToList();
        var ended = windows.Where(w => w.Kind == MoneyRoute.End).ToList();
        checks.Add("M6 no claim sent after an acknowledged pause or end got a new coupon",
            judged.Count, issued.Count,
            $"pauses acknowledged: {windows.Count(w => w.Kind == MoneyRoute.Pause)}, ends: {ended.Count}"
            + string.Concat(ended.Select(w => $" (at {w.From.TotalSeconds:0.0} s)"))
            + $"; claims sent and answered while closed: {judged.Count:N0} ("
            + string.Join(", ", judged.GroupBy(j => j.Claim.Outcome == Outcome.Acknowledged ? "replayed" : j.Claim.Code, StringComparer.Ordinal).Select(g => $"{g.Key} {g.Count():N0}")) + ")"
            + CheckList.Examples(issued, j => $"key {j.Claim.Request.Key} sent {j.Claim.SentAt.TotalSeconds:0.0} s, {j.Window!.Kind} acknowledged {j.Window.From.TotalSeconds:0.0} s"));

        var sent = evidence.Ops.Where(o => o.Request.Route == MoneyRoute.TopUp).ToList();
        var added = sent.Where(o => o.Acknowledged).GroupBy(o => o.Request.Key!, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Request, StringComparer.Ordinal);
        var rows = evidence.Ledger.TopUps.Where(t => sent.Any(o => o.Request.Key == t.Key)).ToLookup(t => t.Key, StringComparer.Ordinal);
        var badRows = sent.Select(o => o.Request.Key!).Distinct(StringComparer.Ordinal)
            .Where(key => added.TryGetValue(key, out var r)
                ? rows[key].Count() != 1 || rows[key].Single() is var row && (row.CampaignId != r.CampaignId || row.Add != r.Quantity)
                : rows[key].Any(row => sent.Any(o => o.Request.Key == key && o.Request.CampaignId == row.CampaignId && o.Refused)))
            .ToList();
        var stocks = evidence.Ledger.Stocks.ToDictionary(s => s.CampaignId);
        var wrongStock = evidence.Sale.Controlled.All
            .Where(c => stocks[c.Id].TotalStock != c.TotalStock + added.Values.Where(r => r.CampaignId == c.Id).Sum(r => (int)r.Quantity)).ToList();
        checks.Add("top-ups: every acknowledged key added its coupons once, a refused key none",
            sent.Select(o => o.Request.Key).Distinct(StringComparer.Ordinal).Count(), badRows.Count + wrongStock.Count,
            $"top-up keys: {sent.Select(o => o.Request.Key).Distinct(StringComparer.Ordinal).Count()} ({added.Count} acknowledged, {sent.Count(o => o.Answer?.Replayed == true)} answered as replays); "
            + string.Join(", ", evidence.Sale.Controlled.All.Select(c => $"{c.Name} stock {stocks[c.Id].TotalStock}"))
            + CheckList.Examples(badRows, key => $"key {key}: {rows[key].Count()} rows")
            + CheckList.Examples(wrongStock, c => $"{c.Name}: stock {stocks[c.Id].TotalStock}"));
    }

    /// <summary>Closed from the instant a pause (or end) was acknowledged until a resume was sent.</summary>
    private static IEnumerable<ClosedWindow> Windows(IReadOnlyList<MoneyOp> ops)
    {
        var resumes = ops.Where(o => o.Request.Route == MoneyRoute.Resume).ToList();
        foreach (var op in ops.Where(o => o.Acknowledged || o.RefusedWith("already_paused") || o.RefusedWith("campaign_ended")))
        {
            if (op.Request.Route is MoneyRoute.Pause or MoneyRoute.End)
            {
                var until = op.Request.Route == MoneyRoute.End ? TimeSpan.MaxValue
                    : resumes.Where(r => r.Request.CampaignId == op.Request.CampaignId && r.SentAt > op.SentAt).Select(r => r.SentAt).DefaultIfEmpty(TimeSpan.MaxValue).Min();
                yield return new ClosedWindow(op.Request.CampaignId!.Value, op.Request.Route, op.AnsweredAt, until);
            }
        }
    }

    private sealed record ClosedWindow(Guid CampaignId, MoneyRoute Kind, TimeSpan From, TimeSpan Until)
    {
        public bool Holds(ClaimAttempt claim) => claim.Request.CampaignId == CampaignId && claim.SentAt >= From && claim.AnsweredAt <= Until;
    }
}
