using System.Diagnostics;
using FlashSale.GrainInterfaces.Campaigns;
using FlashSale.GrainInterfaces.Claims;
using FlashSale.LoadGen.Stats;

namespace FlashSale.GrainCeiling;

/// <summary>What one campaign grain did with its ledger and no HTTP in front, over the measured window.</summary>
internal sealed record GrainRun(double ClaimsPerSecond, double ProcessMicrosecondsPerClaim, double? PostgresMicrosecondsPerClaim);

/// <summary>
/// Callers inside the silo's own process claim on one campaign grain as fast as it answers, each
/// claim from a new shopper: the grain's turn, the limit counters and the group commit, nothing else.
/// </summary>
internal static class GrainThroughput
{
    public static async Task<GrainRun> MeasureAsync(ICampaignGrain campaign, int callers, TimeSpan warmup, TimeSpan duration, WatchedProcess? postgres)
    {
        // Shoppers of this run alone: the same database may serve several runs.
        var run = Guid.NewGuid().ToString("N")[..8];
        var issued = 0L;
        var measuring = false;
        var stop = false;
        var workers = Enumerable.Range(0, callers).Select(caller => Task.Run(async () =>
        {
            for (var n = 0; !Volatile.Read(ref stop); n++)
            {
                var result = await campaign.Claim(new ClaimRequest($"{run}-caller-{caller}-{n}", "device", "key"));
                if (result.Outcome != ClaimOutcome.Issued)
                {
                    throw new InvalidOperationException($"claim answered {result.Outcome}");
                }

                if (Volatile.Read(ref measuring))
                {
                    Interlocked.Increment(ref issued);
                }
            }
        })).ToList();

        await Task.Delay(warmup);
        var process = Process.GetCurrentProcess();
        var (cpuBefore, postgresBefore) = (process.TotalProcessorTime, postgres?.CpuSeconds());
        var watch = Stopwatch.StartNew();
        Volatile.Write(ref measuring, true);
        await Task.Delay(duration);
        Volatile.Write(ref measuring, false);
        var seconds = watch.Elapsed.TotalSeconds;
        process.Refresh();
        var cpu = (process.TotalProcessorTime - cpuBefore).TotalSeconds;
        var postgresCpu = postgres?.CpuSeconds() - postgresBefore;
        Volatile.Write(ref stop, true);
        await Task.WhenAll(workers);

        var claims = Math.Max(Interlocked.Read(ref issued), 1);
        return new GrainRun(claims / seconds, cpu * 1e6 / claims, postgresCpu * 1e6 / claims);
    }
}
