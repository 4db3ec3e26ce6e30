using System.Diagnostics;
using System.Diagnostics.Metrics;
using FlashSale.Operations.Metrics;

namespace FlashSale.Api.Risk;

/// <summary>
/// How long the risk screening holds each claim on this node, the latency the engine adds: the blocklist,
/// counting the claim, the rules, and for a refusal or a challenge its audit record. Measured where it
/// happens because end to end it is below what a benchmark resolves (BENCHMARKS.md, "Risk rules and
/// scalpers": a p99 moves by tens of milliseconds between identical runs).
/// </summary>
internal static class ScreeningMetrics
{
    private static readonly Meter Meter = new(MetricsSetup.FlashSaleMeter);

    // From 5 µs: a claim that passes takes tens of microseconds, one refused waits for its audit insert (milliseconds).
    private static readonly Histogram<double> Duration = Meter.CreateHistogram<double>("flashsale.risk.screening.duration", "s",
        "How long the risk screening held a claim on this API node, by outcome: let through, or refused or challenged (its audit record included).",
        advice: new InstrumentAdvice<double>
        {
            HistogramBucketBoundaries = [0.000005, 0.00001, 0.000025, 0.00005, 0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
        });

    private static readonly KeyValuePair<string, object?> Through = new("outcome", "through");
    private static readonly KeyValuePair<string, object?> Stopped = new("outcome", "stopped");

    public static void Screened(long startedAt, bool stopped) =>
        Duration.Record(Stopwatch.GetElapsedTime(startedAt).TotalSeconds, stopped ? Stopped : Through);
}
