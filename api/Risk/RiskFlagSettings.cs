using System.ComponentModel.DataAnnotations;

namespace FlashSale.Api.Risk;

/// <summary>Configuration section <c>Risk</c> on API nodes (silos read their own keys of it).</summary>
public sealed class RiskFlagSettings
{
    public const string Section = "Risk";

    /// <summary>A claim this soon after the opening, from a device that did not fetch the campaign, is flagged.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00", ErrorMessage = "must be between 0 and a day.")]
    public TimeSpan InstantClaimWindow { get; set; } = TimeSpan.FromMilliseconds(50);
}
