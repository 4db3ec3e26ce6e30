using FlashSale.LoadGen.Stats;

namespace FlashSale.Scalpers.Report;

/// <summary>The report for a person reading a terminal.</summary>
public static class ScenarioText
{
    public static void Write(TextWriter output, ScenarioReport report)
    {
        var (coupons, ordinary, farm) = (report.Coupons, report.Ordinary, report.Farm);
        output.WriteLine();
        output.WriteLine($"run {report.RunId}: campaign {report.CampaignId}, {report.Stock:N0} coupons, opened {report.OpensAt:HH:mm:ss.fff}, " +
                         $"addresses 127.{4 * report.Network}.0.0/14, " + (report.Rules is null ? "no rules" : $"rules {report.Rules}: {string.Join(", ", report.RuleNames)}"));
        output.WriteLine($"sold out      {(report.SoldOutAfterSeconds is { } s ? $"{s:F2} s after the opening" : "no")}; scenario {report.DurationSeconds:F1} s");
        output.WriteLine($"coupons       farm {coupons.Farm:N0} ({coupons.FarmShare:P1} of the stock), ordinary {coupons.Ordinary:N0} (from the {coupons.Source})");
        output.WriteLine($"ordinary      {ordinary.Shoppers:N0} shoppers ({Counts(ordinary.Where)}), largest fingerprint {ordinary.LargestFingerprint}; read the campaign {ordinary.Read:N0}, " +
                         $"coupon {ordinary.WithCoupon:N0}");
        output.WriteLine($"  refused     challenged {ordinary.Challenged:N0} ({ordinary.ChallengedPercent:F2}%), denied {ordinary.Denied:N0} ({ordinary.DeniedPercent:F2}%), " +
                         $"blocked {ordinary.Blocked:N0} ({ordinary.BlockedPercent:F2}%), rate limited {ordinary.RateLimited:N0}");
        output.WriteLine($"  claims      {ordinary.Claims:N0}, latency ms {Percentiles(ordinary.ClaimLatencyMs)}");
        output.WriteLine($"  answers     {Counts(ordinary.Answers)}");
        output.WriteLine($"  left with   {Counts(ordinary.Last)}");
        output.WriteLine($"farm          {farm.Accounts:N0} accounts on {farm.Ranges} /24s as {string.Join(" / ", farm.HeaderSets)}: {farm.Coupons:N0} coupons; " +
                         $"{farm.Claims:N0} claims, {farm.Reads:N0} reads, {farm.NotStarted:N0} not_started");
        output.WriteLine($"  refused     {farm.Challenges:N0} challenges (428), {farm.Denied:N0} denied, {farm.Blocked:N0} blocked (403), {farm.AccountsRefused:N0} accounts dropped, " +
                         $"{farm.RateLimited:N0} rate limited");
        output.WriteLine($"  solving     {farm.Solving.Solved:N0} solved on {farm.Solving.Threads} thread(s): {farm.Solving.CpuSeconds:F2} CPU-s, " +
                         $"{farm.Solving.Pbkdf2Iterations:N0} PBKDF2 iterations");
        output.WriteLine($"  claims      latency ms {Percentiles(farm.ClaimLatencyMs)}");
        output.WriteLine($"  answers     {Counts(farm.Answers)}");
        foreach (var decision in report.Decisions ?? [])
        {
            output.WriteLine($"audit         {decision.Population,-9}{decision.Verdict,-11}{decision.Rule}: {decision.Decisions:N0} decisions, {decision.Shoppers:N0} shoppers");
        }

        foreach (var block in report.EscalationBlocks ?? [])
        {
            output.WriteLine($"escalation    {block.Population,-9}{block.Kind}: {block.Blocks:N0} blocked");
        }
    }

    private static string Counts<T>(IReadOnlyDictionary<string, T> counts) =>
        counts.Count == 0 ? "none" : string.Join(", ", counts.Select(c => $"{c.Key}: {c.Value:N0}"));

    private static string Percentiles(LatencySummary l) => $"p50 {l.P50:F1}  p90 {l.P90:F1}  p99 {l.P99:F1}  max {l.Max:F1}";
}
