using System.Diagnostics;
using HdrHistogram;

namespace FlashSale.LoadGen.Stats;

/// <summary>Latencies in microseconds, safe to record from every worker at once.</summary>
public sealed class LatencyHistogram
{
    // Past any timeout a run would use; values above are clamped rather than thrown away.
    private static readonly long HighestMicroseconds = (long)TimeSpan.FromHours(1).TotalMicroseconds;

    private readonly LongConcurrentHistogram _histogram = new(1, HighestMicroseconds, 3);

    public void Record(long fromTimestamp, long toTimestamp)
    {
        var microseconds = Stopwatch.GetElapsedTime(fromTimestamp, toTimestamp).Ticks / TimeSpan.TicksPerMicrosecond;
        _histogram.RecordValue(Math.Clamp(microseconds, 0, HighestMicroseconds));
    }

    public LatencySummary Summarize() => _histogram.TotalCount == 0
        ? new LatencySummary(0, 0, 0, 0, 0)
        : new LatencySummary(Milliseconds(50), Milliseconds(90), Milliseconds(99), Milliseconds(99.9), _histogram.GetMaxValue() / 1000.0);

    private double Milliseconds(double percentile) => _histogram.GetValueAtPercentile(percentile) / 1000.0;
}

/// <summary>Milliseconds, to microsecond resolution.</summary>
public sealed record LatencySummary(double P50, double P90, double P99, double P999, double Max);
