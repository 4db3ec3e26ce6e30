using FlashSale.GrainInterfaces.Campaigns;
using FlashSale.Grains.Reminders;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FlashSale.Grains.Campaigns;

public sealed class CampaignScheduleGrain(TimeProvider clock, IOptions<ReminderPeriodOptions> reminders, ILogger<CampaignScheduleGrain> logger)
    : Grain, ICampaignScheduleGrain, IRemindable
{
    private const string WarmUp = "warm-up";
    private const string Opening = "opening";
    private const string End = "end";

    // Each reminder is removed once it has done its work, so its period is only a retry. It must be short: a tick
    // missed while no silo was up (a crash spanning the due time) is not caught up but comes at the next period
    // after it, so with a day's period a crash at the end closed the results a day late.
    private TimeSpan RetryAfter => reminders.Value.Period;

    // A reminder registered as due at once (zero) never fired here; one due a second later does.
    private static readonly TimeSpan Soonest = TimeSpan.FromSeconds(1);

    public async Task Plan(DateTimeOffset? opensAt, DateTimeOffset endsAt)
    {
        var now = clock.GetUtcNow();
        if (opensAt is { } opening && opening > now)
        {
            await this.RegisterOrUpdateReminder(Opening, DueIn(opening, now), RetryAfter);
        }
        else if (await this.GetReminder(Opening) is { } stale)
        {
            await this.UnregisterReminder(stale);
        }

        await this.RegisterOrUpdateReminder(End, DueIn(endsAt, now), RetryAfter);
    }

    public async Task PlanWarmUp(DateTimeOffset? firstOpening)
    {
        var now = clock.GetUtcNow();
        if (firstOpening is { } opening && opening > now)
        {
            await this.RegisterOrUpdateReminder(WarmUp, DueIn(opening - reminders.Value.WarmUpLead, now), RetryAfter);
        }
        else if (await this.GetReminder(WarmUp) is { } stale)
        {
            await this.UnregisterReminder(stale);
        }
    }

    private static TimeSpan DueIn(DateTimeOffset at, DateTimeOffset now) => at - now > Soonest ? at - now : Soonest;

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        var campaign = GrainFactory.GetGrain<ICampaignGrain>(this.GetPrimaryKey());
        try
        {
            await (reminderName switch
            {
                End => campaign.Close(),
                WarmUp => campaign.Warm(),
                _ => campaign.Announce(),
            });
        }
        catch (Exception e)
        {
            // The reminder stays: its next tick tries again.
            CampaignScheduleLog.ReminderFailed(logger, e, reminderName, this.GetPrimaryKey());
            return;
        }

        if (await this.GetReminder(reminderName) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }
}

internal static partial class CampaignScheduleLog
{
    [LoggerMessage(EventId = 2011, Level = LogLevel.Warning, Message = "The {Reminder} of campaign {CampaignId} failed; it will be retried")]
    public static partial void ReminderFailed(ILogger logger, Exception exception, string reminder, Guid campaignId);
}
