namespace FlashSale.Grains.Live;

/// <summary>Configuration section <c>LiveAlerts</c> on silos.</summary>
public sealed class LiveAlertOptions
{
    /// <summary>Operators are alerted once as a campaign's remaining stock falls to each of these percentages.</summary>
    public int[] LowStockPercents { get; set; } = [50, 10];

    /// <summary>Risk refusals (blocks, device and daily limits) in one second on one campaign that make a <c>risk_spike</c> alert.</summary>
    public int RiskSpikePerSecond { get; set; } = 100;

    /// <summary>The least time between two risk-spike alerts of one campaign.</summary>
    public TimeSpan RiskSpikeQuiet { get; set; } = TimeSpan.FromSeconds(10);
}
