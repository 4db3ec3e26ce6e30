namespace FlashSale.GrainInterfaces.Live;

/// <summary>
/// The API nodes' live observers (key 0): each node subscribes and renews; grains publish the live
/// events here and every node gets them for its own connections, with no backplane. A node that
/// stops renewing is dropped.
/// </summary>
[Alias("FlashSale.ILiveHubGrain")]
public interface ILiveHubGrain : ILiveEvents, IGrainWithIntegerKey
{
    [Alias("Subscribe")]
    Task Subscribe(ILiveObserver node);
}
