using System.Diagnostics;
using FlashSale.LoadGen.Options;
using FlashSale.LoadGen.Report;
using FlashSale.LoadGen.Setup;
using FlashSale.LoadGen.Stats;

namespace FlashSale.LoadGen.Load;

/// <summary>What the load phase leaves for the report and the checks.</summary>
public sealed record LoadResult(RunStats Stats, AcknowledgedClaims Acknowledged, IdempotencyKeys Keys, double WarmupSeconds, double MeasuredSeconds,
    ClientUsage Client, IReadOnlyDictionary<string, double> ServerCpuSeconds);

/// <summary>The load phase: one worker per connection, in a closed or open loop, with a progress line every second.</summary>
public static class LoadRun
{
    public static async Task<LoadResult> RunAsync(LoadOptions options, IReadOnlyList<Guid> campaigns, ShopperPool shoppers, string runId)
    {
        var stats = new RunStats();
        var keys = new IdempotencyKeys(runId);
        var acknowledged = new AcknowledgedClaims(campaigns.Count);
        var wire = new ClaimWire(options.Target, options.BaseUrl, campaigns, shoppers, keys);
        var planner = new ClaimPlanner(shoppers.Count, campaigns.Count, options.ReplayShare, keys, acknowledged);
        using var http = LoadConnections.Create(options.Connections);
        var workers = Enumerable.Range(0, options.Connections)
            .Select(_ => new ClaimSender(http, wire, planner, acknowledged, stats, options.Timeout))
            .ToList();

        var budget = new RequestBudget(options.Requests);
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        // Opening at a set instant: everything before it is warm-up, and the measured window starts at the opening.
        var warmup = options.OpensAt is { } opensAt ? Max(opensAt - DateTimeOffset.UtcNow, TimeSpan.Zero) : options.Warmup;
        var window = new RunWindow(warmup, options.Duration);
        var serverCpu = ServerCpuAsync(options.WatchCpu, window);
        using var stopProgress = new CancellationTokenSource();
        var progress = ProgressReporter.RunAsync(stats, window, options.Mode == LoopMode.Open, stopProgress.Token);
        await (options.Mode == LoopMode.Open
            ? OpenLoop.RunAsync(workers, window, budget, options.Rate!.Value, options.Timeout, stats)
            : ClosedLoop.RunAsync(workers, window, budget));
        var end = Stopwatch.GetTimestamp();
        var serverCpuSeconds = await serverCpu(end);
        var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds;
        await stopProgress.CancelAsync();
        await progress;

        var wall = Stopwatch.GetElapsedTime(window.Start, end).TotalSeconds;
        var client = new ClientUsage(cpu, wall, cpu / wall, stats.Completed == 0 ? 0 : cpu * 1e6 / stats.Completed);
        // Until the last measured answer, so a backlog drained after the due times still counts against throughput.
        var measured = Math.Max(Stopwatch.GetElapsedTime(window.MeasureFrom, end).TotalSeconds, 1e-6);
        var warmupSeconds = Stopwatch.GetElapsedTime(window.Start, Math.Min(window.MeasureFrom, end)).TotalSeconds;
        return new LoadResult(stats, acknowledged, keys, warmupSeconds, measured, client, serverCpuSeconds);
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    /// <summary>
    /// Reads the watched processes' CPU when measurement starts; the function returned reads it again
    /// at the end and gives each one's CPU seconds in between.
    /// </summary>
    private static Func<long, Task<IReadOnlyDictionary<string, double>>> ServerCpuAsync(IReadOnlyList<WatchedProcess> watched, RunWindow window)
    {
        var atStart = Task.Run(async () =>
        {
            var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), window.MeasureFrom);
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait);
            }

            return watched.ToDictionary(p => p.Name, p => p.CpuSeconds(), StringComparer.Ordinal);
        });
        return async end =>
        {
            var start = await atStart;
            return watched.ToDictionary(p => p.Name, p => p.CpuSeconds() - start[p.Name], StringComparer.Ordinal);
        };
    }
}
