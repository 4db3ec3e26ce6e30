using System.Diagnostics.Metrics;

namespace FlashSale.Grains.Audit;

/// <summary>The auditor's passes and what they found, for dashboards and alerting rules outside the system.</summary>
internal static class AuditMetrics
{
    // The name operations/Metrics/MetricsSetup.cs exports (FlashSaleMeter); grains stay free of the hosting packages.
    private static readonly Meter Meter = new("FlashSale");

    private static readonly Counter<long> Breaches = Meter.CreateCounter<long>(
        "flashsale.audit.breaches", "{breach}", "Invariants found broken by the auditor, by invariant; each breach counted once, when first found.");

    private static readonly Histogram<double> Pass = Meter.CreateHistogram<double>(
        "flashsale.audit.pass.duration", "s", "How long one pass of the auditor over what changed in the books took.",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5] });

    public static void Found(string invariant) => Breaches.Add(1, new KeyValuePair<string, object?>("invariant", invariant));

    public static void Passed(TimeSpan took) => Pass.Record(took.TotalSeconds);
}
