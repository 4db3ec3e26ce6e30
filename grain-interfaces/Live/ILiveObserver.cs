namespace FlashSale.GrainInterfaces.Live;

/// <summary>An API node, receiving what its SignalR connections are to be told.</summary>
[Alias("FlashSale.ILiveObserver")]
public interface ILiveObserver : IGrainObserver
{
    [Alias("Inventory"), OneWay]
    Task Inventory(InventorySnapshot snapshot);

    [Alias("StateChanged"), OneWay]
    Task StateChanged(StateChange change);

    [Alias("OperatorAlert"), OneWay]
    Task OperatorAlert(OperatorAlert alert);

    [Alias("ShopperAlerts"), OneWay]
    Task ShopperAlerts(System.Collections.Immutable.ImmutableArray<ShopperAlert> alerts);
}
