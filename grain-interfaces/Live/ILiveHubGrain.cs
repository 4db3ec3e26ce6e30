namespace FlashSale.GrainInterfaces.Live;

/// <summary>
/// The API nodes' live observers (key 0): each node subscribes and renews; grains publish here and
/// every node gets it for its own connections, with no backplane. A node that stops renewing is dropped.
/// </summary>
[Alias("FlashSale.ILiveHubGrain")]
public interface ILiveHubGrain : IGrainWithIntegerKey
{
    [Alias("Subscribe")]
    Task Subscribe(ILiveObserver node);

    /// <summary>A campaign's gate changed (opened, sold out, new holders): nodes refuse by it locally.</summary>
    [Alias("GateChanged"), OneWay]
    Task GateChanged(Gates.CampaignGate gate);

    [Alias("Inventory"), OneWay]
    Task Inventory(InventorySnapshot snapshot);

    [Alias("StateChanged"), OneWay]
    Task StateChanged(StateChange change);

    [Alias("OperatorAlert"), OneWay]
    Task OperatorAlert(OperatorAlert alert);

    [Alias("ShopperAlerts"), OneWay]
    Task ShopperAlerts(System.Collections.Immutable.ImmutableArray<ShopperAlert> alerts);
}
