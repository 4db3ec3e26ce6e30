using FlashSale.GrainInterfaces.Live;
using Microsoft.Extensions.Options;

namespace FlashSale.Api.Live;

/// <summary>Keeps this node subscribed to the live hub grain, renewing every <see cref="LiveHubSettings.RenewEvery"/>.</summary>
public sealed class LiveSubscription(IClusterClient cluster, LiveFeed feed, IOptions<LiveHubSettings> settings, ILogger<LiveSubscription> logger)
    : BackgroundService
{
    private readonly TimeSpan _renewEvery = settings.Value.RenewEvery;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var observer = cluster.CreateObjectReference<ILiveObserver>(feed);
        using var timer = new PeriodicTimer(_renewEvery);
        do
        {
            try
            {
                await cluster.GetGrain<ILiveHubGrain>(0).SubscribeForBatches(observer);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                // Without a subscription the node still works: gates then arrive with refusals only.
                LiveSubscriptionLog.SubscribeFailed(logger, e, _renewEvery);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }
}

internal static partial class LiveSubscriptionLog
{
    [LoggerMessage(EventId = 1102, Level = LogLevel.Warning, Message = "Could not subscribe to the live feed; retrying in {Delay}")]
    public static partial void SubscribeFailed(ILogger logger, Exception exception, TimeSpan delay);
}
