using FlashSale.FaultInjection.Load;

namespace FlashSale.FaultInjection.Checking;

/// <summary>
/// A shopper's key that holds a coupon on one campaign, sent to another: refused there 422
/// idempotency_key_reused; and the other shoppers' claims on that campaign in flight meanwhile (so
/// possibly in the same group commit) are not failed by it. Claims near a fault are left out of the
/// second: a fault fails claims by itself.
/// </summary>
public static class KeyReuseChecks
{
    public static void Add(CheckList checks, IReadOnlyList<ClaimAttempt> answers, FaultWindows faults)
    {
        var held = answers.Where(a => a is { Outcome: Outcome.Acknowledged, Request.ReusedFrom: null })
            .Select(a => (a.Request.ShopperId, a.Request.Key, a.Request.CampaignId)).ToHashSet();
        var reuses = answers.Where(a => a.Request.ReusedFrom is { } from && a.Outcome != Outcome.Unknown && held.Contains((a.Request.ShopperId, a.Request.Key, from)))
            .ToList();
        var wrong = reuses.Where(a => a.Outcome != Outcome.Refused || a.Code != "idempotency_key_reused").ToList();
        checks.Add("a key reused by its shopper on another campaign is refused there 422 idempotency_key_reused",
            reuses.Count, wrong.Count,
            $"reused keys answered: {reuses.Count:N0} ({string.Join(", ", reuses.GroupBy(a => $"{a.Status} {a.Code}", StringComparer.Ordinal).Select(g => $"{g.Key} {g.Count():N0}"))})"
            + CheckList.Examples(wrong, a => $"key {a.Request.Key} of {a.Request.ShopperId}: {a.Status} {a.Code}"));

        var quiet = reuses.Where(r => !faults.Overlaps(r.SentAt, r.AnsweredAt)).ToList();
        var alongside = answers.Where(a => a.Request.ReusedFrom is null && !faults.Overlaps(a.SentAt, a.AnsweredAt))
            .Where(a => quiet.Any(r => r.Request.CampaignId == a.Request.CampaignId && r.Request.ShopperId != a.Request.ShopperId
                && a.SentAt < r.AnsweredAt && r.SentAt < a.AnsweredAt)).ToList();
        var failed = alongside.Where(a => a.Status >= 500).ToList();
        checks.Add("other shoppers' claims in flight beside a reused key (away from faults) were not failed by it",
            alongside.Count, failed.Count,
            $"claims in flight beside {quiet.Count:N0} reused keys away from faults: {alongside.Count:N0}, failed with a 5xx: {failed.Count}"
            + CheckList.Examples(failed, a => $"key {a.Request.Key} sent {a.SentAt.TotalSeconds:0.0} s: {a.Status}"));
    }
}
