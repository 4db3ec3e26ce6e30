namespace FlashSale.Grains.Risk;

/// <summary>Configuration section <c>Risk</c> (env <c>Risk__DailyClaimCap</c>, ...).</summary>
public sealed class RiskOptions
{
    /// <summary>Coupons a shopper may claim per day across all campaigns, unless a campaign sets its own cap.</summary>
    public int DailyClaimCap { get; set; } = 20;

    /// <summary>The time zone whose calendar days the daily limits count (an IANA id such as Asia/Shanghai).</summary>
    public string TimeZone { get; set; } = "UTC";

    /// <summary>
    /// How long a wallet or device holds a claim's reservation without hearing whether it committed;
    /// after that it reads the ledger again, so a lost confirmation cannot loosen a limit.
    /// </summary>
    public TimeSpan ReservationTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>This many accounts new to one device within <see cref="NewAccountsBurstWindow"/> flag the claims for review.</summary>
    public int NewAccountsBurst { get; set; } = 3;

    public TimeSpan NewAccountsBurstWindow { get; set; } = TimeSpan.FromMinutes(10);

    public DateOnly DayOf(DateTimeOffset instant) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Zone).DateTime);

    private TimeZoneInfo Zone => _zone is { } zone && zone.Id == TimeZone ? zone : _zone = TimeZoneInfo.FindSystemTimeZoneById(TimeZone);

    private TimeZoneInfo? _zone;
}
