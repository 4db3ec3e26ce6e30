using FlashSale.GrainInterfaces.Gates;
using Microsoft.Extensions.Logging;
using Orleans.Utilities;

namespace FlashSale.Grains.Gates;

/// <summary>Keeps the API nodes' gate observers and forwards each published gate to all of them.</summary>
public sealed class CampaignGateHubGrain(ILogger<CampaignGateHubGrain> logger) : Grain, ICampaignGateHubGrain
{
    /// <summary>A node that stops renewing (because it died) is dropped after this long.</summary>
    public static readonly TimeSpan SubscriptionLifetime = TimeSpan.FromMinutes(2);

    private readonly ObserverManager<ICampaignGateObserver> _observers = new(SubscriptionLifetime, logger);

    public Task Subscribe(ICampaignGateObserver observer)
    {
        _observers.Subscribe(observer, observer);
        return Task.CompletedTask;
    }

    public Task Unsubscribe(ICampaignGateObserver observer)
    {
        _observers.Unsubscribe(observer);
        return Task.CompletedTask;
    }

    public Task Publish(CampaignGate gate)
    {
        _observers.Notify(observer => observer.GateChanged(gate));
        return Task.CompletedTask;
    }
}
