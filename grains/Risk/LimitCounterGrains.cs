using FlashSale.GrainInterfaces.Risk;

namespace FlashSale.Grains.Risk;

/// <summary>
/// References to every shopper and device limit counter, made once per silo and shared by its campaign
/// grains. Orleans resolves a grain's type by reflection on each GetGrain call: made per round that
/// cost about 7% of the silo's CPU; made per campaign grain, 32 calls at each activation.
/// </summary>
public sealed class LimitCounterGrains(IGrainFactory grains)
{
    public IReadOnlyList<IShopperLimitsGrain> Shoppers { get; } =
        [.. Enumerable.Range(0, LimitBuckets.Count).Select(bucket => grains.GetGrain<IShopperLimitsGrain>(bucket))];

    public IReadOnlyList<IDeviceLimitsGrain> Devices { get; } =
        [.. Enumerable.Range(0, LimitBuckets.Count).Select(bucket => grains.GetGrain<IDeviceLimitsGrain>(bucket))];
}
