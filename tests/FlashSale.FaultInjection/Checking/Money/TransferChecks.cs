using FlashSale.FaultInjection.Load;
using FlashSale.FaultInjection.Money;

namespace FlashSale.FaultInjection.Checking.Money;

/// <summary>
/// M4 Ownership: a given-away coupon's code is none its earlier holders were ever told; a claim
/// replayed after its coupon was given away carries no code; every transfer answered 200 is its row.
/// </summary>
public static class TransferChecks
{
    public static void Add(CheckList checks, MoneyEvidence evidence)
    {
        var transfers = evidence.Ledger.Transfers;
        // What each shopper was told about each coupon in claim answers (replays and resolutions included).
        var answers = evidence.Claims.Where(a => a is { Outcome: Outcome.Acknowledged, CouponId: not null })
            .ToLookup(a => (a.CouponId!.Value, a.Request.ShopperId));
        var givers = transfers.ToLookup(t => t.CouponId, t => t.From);
        var code = transfers.GroupBy(t => t.CouponId).ToDictionary(g => g.Key, g => g.First().Code);
        var leaked = givers.Where(g => g.Any(giver => answers[(g.Key, giver)].Any(a => a.Code == code[g.Key]))).ToList();
        var acknowledged = evidence.Answered(MoneyRoute.Transfer).Where(o => o.Acknowledged).ToList();
        var rowless = acknowledged.Where(o => !transfers.Any(t => t.CouponId == o.Request.Coupons[0] && t.From == o.Request.Actor.UserId && t.To == o.Request.Recipient))
            .ToList();
        // A transfer takes no key: a retry after a lost answer finds the coupon gone, and is told 404 although its first attempt gave it.
        var doneButRefused = evidence.Answered(MoneyRoute.Transfer).Count(o => o.Refused && o.Attempts.Any(a => a.Outcome == Outcome.Unknown)
            && transfers.Any(t => t.CouponId == o.Request.Coupons[0] && t.From == o.Request.Actor.UserId && t.To == o.Request.Recipient));
        checks.Add("M4 a given-away coupon's code is none its earlier holders were told; every transfer answered 200 is its row",
            givers.Count, leaked.Count + rowless.Count,
            $"transferred coupons: {givers.Count:N0} (transfers answered 200: {acknowledged.Count:N0}, done but refused on a retry after a lost answer: {doneButRefused}); "
            + $"code still one a giver was told: {leaked.Count}, acknowledged without a row: {rowless.Count}"
            + CheckList.Examples(leaked, g => $"coupon {g.Key}"));

        var replays = acknowledged.SelectMany(t => answers[(t.Request.Coupons[0], t.Request.Actor.UserId)].Where(a => a.SentAt > t.AnsweredAt)).ToList();
        var withCode = replays.Where(a => a.Code != "").ToList();
        checks.Add("M4 a claim replayed after its coupon was given away carries no code",
            replays.Count, withCode.Count,
            $"replays after a transfer: {replays.Count:N0}, with a code: {withCode.Count}"
            + CheckList.Examples(withCode, a => $"key {a.Request.Key} of {a.Request.ShopperId}, node {a.ApiNode}"));
    }
}
