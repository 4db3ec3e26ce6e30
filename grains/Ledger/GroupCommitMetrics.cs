using System.Diagnostics.Metrics;

namespace FlashSale.Grains.Ledger;

/// <summary>
/// How the silo's ledger transactions go (<see cref="LedgerWriter"/>): coupons and campaigns per
/// transaction, and how long each took to commit. Recorded once per transaction, never per claim.
/// </summary>
internal static class GroupCommitMetrics
{
    // The name operations/Metrics/MetricsSetup.cs exports (FlashSaleMeter); grains stay free of the hosting packages.
    private static readonly Meter Meter = new("FlashSale");

    private static readonly Histogram<int> Size = Meter.CreateHistogram(
        "flashsale.group_commit.size", "{coupon}", "Coupons committed by one group-commit transaction.", tags: null,
        advice: new InstrumentAdvice<int> { HistogramBucketBoundaries = [1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024, 2048, 4096] });

    private static readonly Histogram<int> Campaigns = Meter.CreateHistogram(
        "flashsale.group_commit.campaigns", "{campaign}", "Campaigns whose claims one group-commit transaction committed together.",
        tags: null, advice: new InstrumentAdvice<int> { HistogramBucketBoundaries = [1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024] });

    private static readonly Histogram<double> Duration = Meter.CreateHistogram(
        "flashsale.group_commit.duration", "ms", "Time from sending a group commit's transaction to its commit.", tags: null,
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.5, 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000] });

    public static void Committed(int coupons, int campaigns, TimeSpan took)
    {
        Size.Record(coupons);
        Campaigns.Record(campaigns);
        Duration.Record(took.TotalMilliseconds);
    }
}
