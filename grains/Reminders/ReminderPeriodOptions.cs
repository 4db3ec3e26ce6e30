using System.ComponentModel.DataAnnotations;

namespace FlashSale.Grains.Reminders;

/// <summary>
/// Configuration section <c>Reminders</c> on silos: the period of FlashSale's durable reminders (a campaign's
/// schedule, retried until it has done its work; a campaign's coupon-expiry wake-up). Orleans does not catch up
/// a tick missed while no silo was up: it comes at the reminder's next period, so the period is also how late an
/// opening, an end or an expiry sweep can come after a crash that spanned it.
/// </summary>
public sealed class ReminderPeriodOptions
{
    public const string Section = "Reminders";

    /// <summary>A minute by default, Orleans' own floor; below it, Orleans' floor is lowered to match.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00", ErrorMessage = "must be between a second and a day.")]
    public TimeSpan Period { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// How long before a campaign's first opening its grain is warmed (activated, gates pushed): long
    /// enough for a thousand campaigns opening at once to be activated beforehand.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00", ErrorMessage = "must be between a second and an hour.")]
    public TimeSpan WarmUpLead { get; set; } = TimeSpan.FromSeconds(30);
}
