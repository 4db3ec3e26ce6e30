namespace FlashSale.GrainInterfaces.Live;

/// <summary>
/// An API node, receiving what the cluster publishes: campaign gates for its local refusals, and
/// what its SignalR connections are to be told.
/// </summary>
[Alias("FlashSale.ILiveObserver")]
public interface ILiveObserver : IGrainObserver
{
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
