using System.Diagnostics.Metrics;

namespace FlashSale.Grains.Ledger;

/// <summary>
/// How the campaign grains' group commits go: coupons per transaction, and how long each took to
/// commit. Recorded once per transaction, never per claim.
/// </summary>
internal static class GroupCommitMetrics
{
    // The name operations/Metrics/MetricsSetup.cs exports (FlashSaleMeter); grains stay free of the hosting packages.
    private static readonly Meter Meter = new("FlashSale");

    private static readonly Histogram<int> Size = Meter.CreateHistogram(
        "flashsale.group_commit.size", "{coupon}", "Coupons committed by one group-commit transaction.", tags: null,
        advice: new InstrumentAdvice<int> { HistogramBucketBoundaries = [1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024, 2048, 4096] });

    private static readonly Histogram<double> Duration = Meter.CreateHistogram(
        "flashsale.group_commit.duration", "ms", "Time from sending a group commit's transaction to its commit.", tags: null,
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.5, 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000] });

    public static void Committed(int coupons, TimeSpan took)
    {
        Size.Record(coupons);
        Duration.Record(took.TotalMilliseconds);
    }
}
