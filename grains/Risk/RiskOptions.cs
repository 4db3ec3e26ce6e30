using System.ComponentModel.DataAnnotations;

namespace FlashSale.Grains.Risk;

/// <summary>Configuration section <c>Risk</c> on silos (env <c>Risk__DailyClaimCap</c>, ...).</summary>
public sealed class RiskOptions : IValidatableObject
{
    /// <summary>Coupons a shopper may claim per day across all campaigns, unless a campaign sets its own cap.</summary>
    [Range(1, int.MaxValue, ErrorMessage = "must be 1 or more.")]
    public int DailyClaimCap { get; set; } = 20;

    /// <summary>The time zone whose calendar days the daily limits count (an IANA id such as Asia/Shanghai).</summary>
    public string TimeZone { get; set; } = "UTC";

    /// <summary>
    /// How long a wallet or device holds a claim's reservation without hearing whether it committed;
    /// after that it reads the ledger again, so a lost confirmation cannot loosen a limit.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "1.00:00:00", ErrorMessage = "must be between 1 ms and a day.")]
    public TimeSpan ReservationTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>This many accounts new to one device within <see cref="NewAccountsBurstWindow"/> flag the claims for review.</summary>
    [Range(1, int.MaxValue, ErrorMessage = "must be 1 or more.")]
    public int NewAccountsBurst { get; set; } = 3;

    [Range(typeof(TimeSpan), "00:00:00.001", "30.00:00:00", ErrorMessage = "must be between 1 ms and 30 days.")]
    public TimeSpan NewAccountsBurstWindow { get; set; } = TimeSpan.FromMinutes(10);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone, out _))
        {
            yield return new ValidationResult($"'{TimeZone}' is not a known time zone id (such as UTC or Asia/Shanghai).", [nameof(TimeZone)]);
        }
    }

    public DateOnly DayOf(DateTimeOffset instant) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Zone).DateTime);

    private TimeZoneInfo Zone => _zone is { } zone && zone.Id == TimeZone ? zone : _zone = TimeZoneInfo.FindSystemTimeZoneById(TimeZone);

    private TimeZoneInfo? _zone;
}
