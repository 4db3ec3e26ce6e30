using System.Diagnostics;

namespace FlashSale.FaultInjection.Load;

/// <summary>
/// The run's one clock: when each request was sent and answered, when each fault struck, when a pause
/// was acknowledged. Checks that compare these instants need them all on the same clock.
/// </summary>
public sealed class RunClock
{
    private readonly Stopwatch _watch = Stopwatch.StartNew();

    public TimeSpan Now => _watch.Elapsed;

    public double Seconds => _watch.Elapsed.TotalSeconds;
}
