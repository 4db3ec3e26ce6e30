namespace FlashSale.Api.Risk;

/// <summary>
/// Keeps a node's copy of something the cluster holds (the blocklist, the rules) current by asking for changes
/// every period, so a change made on any node is in force everywhere within that time. A failed ask keeps
/// the last copy: the silo may be restarting.
/// </summary>
public abstract class PeriodicRefresh(TimeSpan period, ILogger logger) : BackgroundService
{
    public abstract Task RefreshAsync();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(period);
        do
        {
            try
            {
                await RefreshAsync();
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                PeriodicRefreshLog.RefreshFailed(logger, e, GetType().Name);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}

internal static partial class PeriodicRefreshLog
{
    [LoggerMessage(EventId = 1201, Level = LogLevel.Debug, Message = "{Refresh} failed")]
    public static partial void RefreshFailed(ILogger logger, Exception exception, string refresh);
}
