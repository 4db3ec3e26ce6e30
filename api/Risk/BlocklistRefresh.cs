using FlashSale.GrainInterfaces.Risk;

namespace FlashSale.Api.Risk;

/// <summary>Keeps this node's blocklist copy current: a block made on any node is in force everywhere within <see cref="Period"/>.</summary>
public sealed class BlocklistRefresh(IClusterClient cluster, LocalBlocklist blocklist, ILogger<BlocklistRefresh> logger)
    : PeriodicRefresh(Period, logger)
{
    public static readonly TimeSpan Period = TimeSpan.FromSeconds(2);

    public override async Task RefreshAsync()
    {
        if (await cluster.GetGrain<IBlocklistGrain>(0).ChangedSince(blocklist.Version) is { } changed)
        {
            blocklist.Replace(changed);
        }
    }
}
