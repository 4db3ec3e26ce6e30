namespace FlashSale.Grains.Live;

/// <summary>Configuration section <c>LiveAlerts</c> on silos.</summary>
public sealed class LiveAlertOptions
{
    /// <summary>Operators are alerted once as a campaign's remaining stock falls to each of these percentages.</summary>
    public int[] LowStockPercents { get; set; } = [50, 10];
}
