using FlashSale.LoadGen.Stats;

namespace FlashSale.LoadGen.Report;

/// <summary>The report for a person reading a terminal.</summary>
public static class TextSummary
{
    public static void Write(TextWriter output, RunReport report)
    {
        var loop = report.Rate is { } rate ? $"open loop at {rate:N0} req/s" : "closed loop";
        output.WriteLine();
        output.WriteLine($"run {report.RunId}: target {report.Target} at {report.BaseUrl}, {loop}, {report.Connections} connections, " +
                         $"{report.Shoppers:N0} shoppers, {report.CampaignIds.Count} campaign(s)" +
                         (report.RiskRules > 0 ? $", {report.RiskRules} risk rule(s) on each" : ""));
        output.WriteLine($"measured      {report.DurationSeconds:F2} s after {report.WarmupSeconds:F1} s warm-up");
        output.WriteLine($"requests      {report.Requests,12:N0}  {report.Throughput,12:N1} req/s");
        output.WriteLine($"new coupons   {report.Issued,12:N0}  {report.ClaimsPerSecond,12:N1} claims/s");
        output.WriteLine($"latency ms    {Percentiles(report.LatencyMs)}");
        if (report.ServiceTimeMs is { } service)
        {
            output.WriteLine($"  once sent   {Percentiles(service)}");
        }

        output.WriteLine($"outcomes      {(report.Outcomes.Count == 0 ? "none" : string.Join("  ", report.Outcomes.Select(o => $"{o.Key}: {o.Value:N0}")))}");
        var errors = report.Errors;
        output.WriteLine($"errors        transport {errors.Transport:N0}  timeouts {errors.Timeouts:N0}  unsent {errors.Unsent:N0}");
        var client = report.Client;
        output.WriteLine($"client        {client.CpuSeconds:F1} s CPU in {client.WallSeconds:F1} s = {client.CpuCores:F2} cores, " +
                         $"{client.CpuMicrosecondsPerRequest:F0} µs CPU per request");
        foreach (var (name, server) in report.ServerCpu ?? new Dictionary<string, ServerCpu>(StringComparer.Ordinal))
        {
            var perClaim = server.CpuMicrosecondsPerClaim is { } micros ? $", {micros:F0} µs per new coupon" : "";
            output.WriteLine($"cpu {name,-10}{server.CpuSeconds:F1} s = {server.CpuCores:F2} cores, {server.CpuMicrosecondsPerRequest:F0} µs per request{perClaim}");
        }
        if (report.Invariants is not { } invariants)
        {
            return;
        }

        foreach (var campaign in invariants.Campaigns)
        {
            output.WriteLine($"ledger        {campaign.CampaignId}: {campaign.CouponRows:N0} of {campaign.TotalStock:N0} issued (counter {campaign.Issued:N0})" +
                             $"{(campaign.SoldOutSeen ? ", sold_out seen" : "")}");
        }

        foreach (var check in invariants.Checks)
        {
            output.WriteLine($"{(check.Passed ? "PASS" : "FAIL")}          {check.Name}: {check.Detail}");
        }

        output.WriteLine(invariants.Passed ? "invariants    all held" : "invariants    BROKEN");
    }

    private static string Percentiles(LatencySummary l) =>
        $"p50 {l.P50:F3}  p90 {l.P90:F3}  p99 {l.P99:F3}  p99.9 {l.P999:F3}  max {l.Max:F3}";
}
