using System.Text.Json;
using FlashSale.FaultInjection.Checking;
using FlashSale.FaultInjection.Faults;
using FlashSale.FaultInjection.Load;
using FlashSale.FaultInjection.Money;

namespace FlashSale.FaultInjection.Report;

/// <summary>The run's figures and verdict, as text for people and as JSON for the CI test.</summary>
public sealed record FaultReport(
    int Silos, int Apis, double LoadSeconds, long Requests, long Acknowledged, long Replays, IReadOnlyDictionary<string, long> Refused,
    long Unknown, IReadOnlyDictionary<string, long> UnknownBy, long UnknownResolvedIssued, long UnknownResolvedRefused, long Unresolved, IReadOnlyList<InjectedFault> Faults,
    long Lost, long Double, int MoneyFlows, IReadOnlyList<RouteFigures> Money, IReadOnlyList<Check> Checks, IReadOnlyList<CampaignLedger> Campaigns)
{
    public bool Passed => Checks.All(c => c.Passed);

    /// <summary>Checks that judged nothing: "not exercised" in the short run, failures in a long one.</summary>
    public IReadOnlyList<string> NothingJudged => [.. Checks.Where(c => c.Judged == 0).Select(c => c.Name)];

    public static FaultReport Of(FaultRunOptions options, double loadSeconds, IReadOnlyCollection<ClaimAttempt> history,
        IReadOnlyList<ResolvedClaim> resolutions, IReadOnlyList<InjectedFault> faults, HistoryChecker checker, int moneyFlows,
        IReadOnlyCollection<MoneyOp> money, IReadOnlyList<Check> checks, IReadOnlyList<CampaignLedger> campaigns) =>
        new(options.Silos, options.Apis, loadSeconds, history.Count,
            history.LongCount(a => a is { Outcome: Outcome.Acknowledged, Request.IsReplay: false }),
            history.LongCount(a => a.Request.IsReplay),
            history.Where(a => a.Outcome == Outcome.Refused).GroupBy(a => a.Code, StringComparer.Ordinal).OrderByDescending(g => g.Count()).ToDictionary(g => g.Key, g => g.LongCount(), StringComparer.Ordinal),
            history.LongCount(a => a.Outcome == Outcome.Unknown),
            // A timeout or reset has no status; a 5xx says which.
            history.Where(a => a.Outcome == Outcome.Unknown).GroupBy(a => a.Status == 0 ? a.Code : $"{a.Status} {a.Code}", StringComparer.Ordinal)
                .OrderByDescending(g => g.Count()).ToDictionary(g => g.Key, g => g.LongCount(), StringComparer.Ordinal),
            // By the last answer: a refusal that passed (a pause, a limit held meanwhile) may be followed by the coupon.
            resolutions.LongCount(r => (r.Again ?? r.Answer)?.Outcome == Outcome.Acknowledged),
            resolutions.LongCount(r => (r.Again ?? r.Answer)?.Outcome == Outcome.Refused),
            resolutions.LongCount(r => !r.Resolved),
            faults, checker.Lost, checker.Double, moneyFlows, RouteFigures.Of(money), checks, campaigns);

    public string ToText()
    {
        var lines = new List<string>
        {
            $"cluster: {Silos} silos, {Apis} API nodes; load {LoadSeconds:0.0} s, {Requests:N0} claim requests ({Requests / LoadSeconds:N0}/s)",
            $"claims acknowledged {Acknowledged:N0}; replays {Replays:N0}; refused {string.Join(", ", Refused.Select(r => $"{r.Key} {r.Value:N0}"))}",
            $"unknown {Unknown:N0} ({string.Join(", ", UnknownBy.Select(u => $"{u.Key} {u.Value:N0}"))}): retried with their keys -> {UnknownResolvedIssued:N0} issued, {UnknownResolvedRefused:N0} refused, {Unresolved} unresolved",
            $"money: {MoneyFlows:N0} shoppers' flows, {Money.Sum(r => r.Requests):N0} requests, each sent until answered:",
        };
        lines.AddRange(Money.Select(route => $"  {route}"));
        lines.Add($"faults injected {Faults.Count}:");
        lines.AddRange(Faults.Select(f =>
            $"  {f.InjectedAtSeconds,6:0.0} s  {f.Kind,-14} {f.Target,-10} lasted {f.LastedSeconds:0.0} s, claims flowing again {f.RecoveredInSeconds:0.0} s later; {f.Detail}"));
        lines.Add($"lost {Lost}, double {Double}");
        lines.AddRange(Checks.Select(c => $"  [{c.Verdict}] {c.Name} (judged {c.Judged:N0}{(c.Broken > 0 ? $", broken {c.Broken:N0}" : "")}): {c.Detail}"));
        if (NothingJudged.Count > 0)
        {
            lines.Add($"judged nothing: {string.Join("; ", NothingJudged)}");
        }

        lines.Add(Passed ? "PASSED" : "FAILED");
        return string.Join(Environment.NewLine, lines);
    }

    public string ToJson() => JsonSerializer.Serialize(this, new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true });
}
