using FlashSale.GrainInterfaces.Risk;

namespace FlashSale.Api.Risk;

/// <summary>
/// Keeps this node's blocklist copy current: asks the blocklist grain for changes every
/// <see cref="Period"/>, so a block made on any node is in force everywhere within that time.
/// </summary>
public sealed class BlocklistRefresh(IClusterClient cluster, LocalBlocklist blocklist, ILogger<BlocklistRefresh> logger) : BackgroundService
{
    public static readonly TimeSpan Period = TimeSpan.FromSeconds(2);

    public async Task RefreshAsync()
    {
        if (await cluster.GetGrain<IBlocklistGrain>(0).ChangedSince(blocklist.Version) is { } changed)
        {
            blocklist.Replace(changed);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Period);
        do
        {
            try
            {
                await RefreshAsync();
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                // Keep the last copy; the silo may be restarting.
                BlocklistRefreshLog.RefreshFailed(logger, e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}

internal static partial class BlocklistRefreshLog
{
    [LoggerMessage(EventId = 1201, Level = LogLevel.Debug, Message = "Blocklist refresh failed")]
    public static partial void RefreshFailed(ILogger logger, Exception exception);
}
