using FlashSale.FaultInjection.Load;
using FlashSale.FaultInjection.Money;

namespace FlashSale.FaultInjection.Checking;

/// <summary>
/// The same request sent to both API nodes at once: a claim key, a redemption, a points card, a
/// transfer, a credit or a top-up must be answered alike by both (the same coupon, the same
/// redemption, the same credit); a refund, which happens once, must succeed at most once.
/// </summary>
public static class TwinChecks
{
    private static readonly MoneyRoute[] Idempotent = [MoneyRoute.Redeem, MoneyRoute.TillRedeem, MoneyRoute.Checkout, MoneyRoute.PointsCard, MoneyRoute.Transfer, MoneyRoute.Credit, MoneyRoute.TopUp];

    // Refusals an API node's gate may give before it hears of a control (a pause, a resume, an end, a top-up) made meanwhile.
    private static readonly string[] GateRefusals = ["paused", "sold_out", "ended"];

    public static void Add(CheckList checks, IReadOnlyCollection<ClaimAttempt> claims, IReadOnlyCollection<MoneyOp> ops, FaultWindows faults)
    {
        var twinKeys = claims.Where(a => !a.Request.IsReplay).GroupBy(a => (a.Request.ShopperId, a.Request.Key, a.Request.CampaignId))
            .Where(key => key.Any(a => key.Any(b => a.ApiNode != b.ApiNode && a.SentAt < b.AnsweredAt && b.SentAt < a.AnsweredAt)))
            .Select(key => key.Where(a => a.Outcome != Outcome.Unknown).ToList()).Where(answers => answers.Count > 1).ToList();
        var controls = ops.Where(o => o.Acknowledged && o.Request.CampaignId is not null).ToLookup(o => o.Request.CampaignId!.Value, o => o.AnsweredAt);
        // A "no" beside a "yes" is explained when it met a control on its way (a gate not yet told), or a fault (two activations of the grain, the stale one stricter).
        bool Explained(ClaimAttempt no) => faults.Overlaps(no.SentAt, no.AnsweredAt)
            || (GateRefusals.Contains(no.Code) && controls[no.Request.CampaignId].Any(at =>
                at >= no.SentAt - SoldOutChecks.GateGrace && at <= no.AnsweredAt + SoldOutChecks.GateGrace));
        var unlike = twinKeys.Where(answers => answers.Select(a => (a.Outcome, a.CouponId)).Distinct().Count() > 1).ToList();
        var broken = unlike.Where(answers => answers.Where(a => a.Outcome == Outcome.Acknowledged).Select(a => a.CouponId).Distinct().Count() > 1
            || !answers.Where(a => a.Outcome == Outcome.Refused).All(Explained)).ToList();
        checks.Add("a claim key sent to both API nodes at once gets one coupon at most, and both are answered alike unless a control or a fault came between",
            twinKeys.Count, broken.Count,
            $"keys sent to both nodes at once and answered: {twinKeys.Count:N0}; answered differently: {unlike.Count} ({unlike.Count - broken.Count} explained)"
            + CheckList.Examples(broken, answers => $"key {answers[0].Request.Key}: {string.Join(" / ", answers.Select(HistoryChecker.Timed))}"));

        var twins = ops.GroupBy(o => o.Request, ReferenceEqualityComparer.Instance).Where(g => g.Count() > 1 && g.All(o => o.Answer is not null))
            .Select(g => g.ToList()).ToList();
        var same = twins.Where(t => Idempotent.Contains(t[0].Request.Route)).ToList();
        var once = twins.Except(same).ToList();
        var different = same.Where(t => t.Select(o => (o.Answer!.Outcome, o.Answer.RedemptionId)).Distinct().Count() > 1).ToList();
        var twice = once.Where(t => t.Count(o => o.Acknowledged) > 1).ToList();
        checks.Add("a money request sent to both API nodes at once: redemptions, points cards, credits, top-ups answered alike; refunds done once",
            twins.Count, different.Count + twice.Count,
            $"sent to both nodes at once: {string.Join(", ", twins.GroupBy(t => t[0].Request.Route).Select(g => $"{g.Key} {g.Count():N0}"))}"
            + CheckList.Examples(different, t => $"{t[0].Request.Route} {t[0].Request.OrderScope}/{t[0].Request.OrderId}: "
                + string.Join(" / ", t.Select(o => $"{o.Answer!.Status} {o.Answer.Code}{(o.Answer.Replayed ? " (replayed)" : "")}")))
            + CheckList.Examples(twice, t => $"{t[0].Request.Route} {t[0].Request.OrderId ?? t[0].Request.Coupons[0].ToString()}: both 200"));
    }
}
