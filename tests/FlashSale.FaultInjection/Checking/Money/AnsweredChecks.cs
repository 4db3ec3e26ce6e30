using FlashSale.FaultInjection.Load;

namespace FlashSale.FaultInjection.Checking.Money;

/// <summary>Every money request and control whose answer was unknown (a timeout, a 5xx, a reset) was sent again, the same, until it was answered.</summary>
public static class AnsweredChecks
{
    public static void Add(CheckList checks, MoneyEvidence evidence)
    {
        var unanswered = evidence.Ops.Where(o => o.Answer is null).ToList();
        var retried = evidence.Ops.Where(o => o.Attempts.Any(a => a.Outcome == Outcome.Unknown)).ToList();
        checks.Add("every money request left unknown was sent again, the same, until answered",
            evidence.Ops.Count, unanswered.Count,
            $"money requests: {evidence.Ops.Count:N0}, of which {retried.Count:N0} had unknown attempts "
            + $"({string.Join(", ", retried.SelectMany(o => o.Attempts).Where(a => a.Outcome == Outcome.Unknown).GroupBy(a => a.Status == 0 ? a.Code : $"{a.Status} {a.Code}".Trim(), StringComparer.Ordinal).OrderByDescending(g => g.Count()).Select(g => $"{g.Key} {g.Count():N0}"))}); "
            + $"never answered: {unanswered.Count}"
            + CheckList.Examples(unanswered, o => $"{o.Request.Route} {o.Request.Path}: last {o.Attempts[^1].Status} {o.Attempts[^1].Code}"));
    }
}
