using System.Diagnostics;

namespace FlashSale.LoadGen.Load;

/// <summary>The run's timeline in <see cref="Stopwatch"/> timestamps: start, end of warm-up, and when to stop sending.</summary>
public sealed class RunWindow
{
    public RunWindow(TimeSpan warmup, TimeSpan? duration)
    {
        Start = Stopwatch.GetTimestamp();
        MeasureFrom = Start + Ticks(warmup);
        StopAt = duration is { } measured ? MeasureFrom + Ticks(measured) : long.MaxValue;
    }

    public long Start { get; }
    public long MeasureFrom { get; }

    /// <summary>No request is started (closed loop) or falls due (open loop) at or after this; long.MaxValue for a counted run.</summary>
    public long StopAt { get; }

    public bool IsMeasured(long timestamp) => timestamp >= MeasureFrom;

    public bool IsOver(long timestamp) => timestamp >= StopAt;

    public static long Ticks(TimeSpan span) => (long)(span.TotalSeconds * Stopwatch.Frequency);
}
