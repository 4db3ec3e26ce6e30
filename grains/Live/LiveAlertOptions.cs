using System.ComponentModel.DataAnnotations;

namespace FlashSale.Grains.Live;

/// <summary>Configuration section <c>LiveAlerts</c> on silos.</summary>
public sealed class LiveAlertOptions : IValidatableObject
{
    /// <summary>Operators are alerted once as a campaign's remaining stock falls to each of these percentages.</summary>
    public int[] LowStockPercents { get; set; } = [50, 10];

    /// <summary>Risk refusals (blocks, device and daily limits) in one second on one campaign that make a <c>risk_spike</c> alert.</summary>
    [Range(1, int.MaxValue, ErrorMessage = "must be 1 or more.")]
    public int RiskSpikePerSecond { get; set; } = 100;

    /// <summary>The least time between two risk-spike alerts of one campaign.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00", ErrorMessage = "must be between 0 and a day.")]
    public TimeSpan RiskSpikeQuiet { get; set; } = TimeSpan.FromSeconds(10);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        for (var i = 0; i < LowStockPercents.Length; i++)
        {
            if (LowStockPercents[i] is < 1 or > 99)
            {
                yield return new ValidationResult("must be between 1 and 99.", [$"{nameof(LowStockPercents)}:{i}"]);
            }
        }
    }
}
