using FlashSale.GrainInterfaces.Risk;

namespace FlashSale.Api.Risk.Signals;

/// <summary>
/// Every <see cref="Period"/>, hands this node's new activity to the cluster's shards and learns their
/// counts back, so a farm spread over every API node is counted as one within about a second. A failed
/// report is lost (its claims still count on this node for ten minutes): risk counts are evidence, not money.
/// </summary>
public sealed class ActivityReporting(IClusterClient cluster, LocalActivity activity, ILogger<ActivityReporting> logger) : BackgroundService
{
    public static readonly TimeSpan Period = TimeSpan.FromSeconds(1);

    public async Task ReportAsync()
    {
        var reports = activity.TakeReports();
        await Task.WhenAll(reports.GroupBy(r => IRiskActivityGrain.ShardOf(r.Kind, r.Value)).Select(async shard =>
        {
            try
            {
                activity.Learn(await cluster.GetGrain<IRiskActivityGrain>(shard.Key).Report([.. shard]));
            }
            catch (Exception e)
            {
                ActivityReportingLog.ReportFailed(logger, e, shard.Key);
            }
        }));
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Period);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            await ReportAsync();
        }
    }
}

internal static partial class ActivityReportingLog
{
    [LoggerMessage(EventId = 1211, Level = LogLevel.Warning, Message = "Could not report risk activity to shard {Shard}")]
    public static partial void ReportFailed(ILogger logger, Exception exception, int shard);
}
