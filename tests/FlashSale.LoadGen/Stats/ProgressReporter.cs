using System.Diagnostics;
using FlashSale.LoadGen.Load;

namespace FlashSale.LoadGen.Stats;

/// <summary>A line on stderr every second, so a stalled or failing run is seen while it runs.</summary>
public static class ProgressReporter
{
    public static async Task RunAsync(RunStats stats, RunWindow window, bool openLoop, CancellationToken stop)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        var lastCompleted = 0L;
        var lastAt = window.Start;
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                var now = Stopwatch.GetTimestamp();
                var completed = stats.Completed;
                var rate = (completed - lastCompleted) / Stopwatch.GetElapsedTime(lastAt, now).TotalSeconds;
                (lastCompleted, lastAt) = (completed, now);
                var phase = !window.IsMeasured(now) ? "warm-up" : window.IsOver(now) ? "finishing" : "measuring";
                var queued = openLoop ? $"  queued {stats.Queued:N0}" : "";
                Console.Error.WriteLine(
                    $"{Stopwatch.GetElapsedTime(window.Start, now).TotalSeconds,6:F1}s {phase,-9} {rate,9:N0} req/s  " +
                    $"2xx {stats.Succeeded:N0}  refusals {stats.Refused:N0}  errors {stats.Errors:N0}{queued}");
            }
        }
        catch (OperationCanceledException)
        {
            // The run is over.
        }
    }
}
