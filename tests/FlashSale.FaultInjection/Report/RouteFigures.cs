using FlashSale.FaultInjection.Load;
using FlashSale.FaultInjection.Money;

namespace FlashSale.FaultInjection.Report;

/// <summary>One money route's requests in the run: sent, answered yes, refused (by code), attempts left unknown, never answered.</summary>
public sealed record RouteFigures(string Route, long Requests, long Acknowledged, IReadOnlyDictionary<string, long> Refused, long UnknownAttempts, long Unanswered)
{
    public static IReadOnlyList<RouteFigures> Of(IReadOnlyCollection<MoneyOp> ops) =>
        [.. ops.GroupBy(o => o.Request.Route).OrderBy(g => g.Key).Select(g => new RouteFigures(g.Key.ToString(), g.LongCount(),
            g.LongCount(o => o.Acknowledged),
            g.Where(o => o.Refused).GroupBy(o => o.Answer!.Code, StringComparer.Ordinal).OrderByDescending(c => c.Count()).ToDictionary(c => c.Key, c => c.LongCount(), StringComparer.Ordinal),
            g.Sum(o => (long)o.Attempts.Count(a => a.Outcome == Outcome.Unknown)),
            g.LongCount(o => o.Answer is null)))];

    public override string ToString() =>
        $"{Route,-14} {Requests,7:N0} sent: {Acknowledged:N0} ok, {Refused.Values.Sum():N0} refused"
        + (Refused.Count > 0 ? $" ({string.Join(", ", Refused.Select(r => $"{r.Key} {r.Value:N0}"))})" : "")
        + $", {UnknownAttempts:N0} unknown attempts retried" + (Unanswered > 0 ? $", {Unanswered} NEVER ANSWERED" : "");
}
