namespace FlashSale.GrainInterfaces.Gates;

/// <summary>
/// Fans gate changes out to every subscribed API node. One instance (key 0) for the cluster:
/// gates change a handful of times per campaign, so this is never on the hot path.
/// </summary>
[Alias("FlashSale.ICampaignGateHubGrain")]
public interface ICampaignGateHubGrain : IGrainWithIntegerKey
{
    /// <summary>Subscribes or renews; an API node renews well before <c>SubscriptionLifetime</c> passes.</summary>
    [Alias("Subscribe")]
    Task Subscribe(ICampaignGateObserver observer);

    [Alias("Unsubscribe")]
    Task Unsubscribe(ICampaignGateObserver observer);

    [OneWay, Alias("Publish")]
    Task Publish(CampaignGate gate);
}
