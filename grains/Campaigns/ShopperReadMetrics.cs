using System.Diagnostics.Metrics;

namespace FlashSale.Grains.Campaigns;

/// <summary>
/// What a campaign grain reads of its ledger beyond its counters: shoppers it did not hold (a replay
/// of a shopper let go, a stranger the holders' filter could not rule out), and its holders, read
/// after activation and again as the filter grows. Recorded once per read, never per claim.
/// </summary>
internal static class ShopperReadMetrics
{
    // The name operations/Metrics/MetricsSetup.cs exports (FlashSaleMeter); grains stay free of the hosting packages.
    private static readonly Meter Meter = new("FlashSale");

    private static readonly Counter<long> Shoppers = Meter.CreateCounter<long>(
        "flashsale.campaign.shopper_reads", "{shopper}", "Shoppers a campaign grain read from the ledger because it did not hold them.");

    private static readonly Counter<long> Holders = Meter.CreateCounter<long>(
        "flashsale.campaign.holder_reads", "{read}", "Reads of a campaign's holders into its filter: after activation, and as it grows.");

    public static void ReadShoppers(int shoppers) => Shoppers.Add(shoppers);

    public static void ReadHolders() => Holders.Add(1);
}
