using FlashSale.GrainInterfaces.Campaigns;
using FlashSale.GrainInterfaces.Live;
using FlashSale.GrainInterfaces.Wallet;
using FlashSale.Grains.Reminders;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FlashSale.Grains.Wallet;

/// <summary>Configuration section <c>CouponExpiry</c> on silos.</summary>
public sealed class CouponExpiryOptions
{
    /// <summary>How often an active campaign looks for coupons whose reminder is due or that expired: the precision of both.</summary>
    [System.ComponentModel.DataAnnotations.Range(typeof(TimeSpan), "00:00:00.001", "1.00:00:00", ErrorMessage = "must be between 1 ms and a day.")]
    public TimeSpan PollEvery { get; set; } = TimeSpan.FromSeconds(30);
}

/// <summary>
/// One campaign's expiry reminders and recycling. An Orleans reminder (stored in PostgreSQL) wakes the grain
/// every minute (<see cref="ReminderPeriodOptions"/>) wherever it lives, so that a crash or a restart only delays reminders; while
/// awake, a timer looks for due coupons at the configured pace. Each look reads from where the
/// last one stopped, never the whole campaign.
/// </summary>
public sealed class CouponExpiryGrain(AlertStore alerts, StockRecycler recycler, TimeProvider clock, IOptions<CouponExpiryOptions> options,
    IOptions<ReminderPeriodOptions> reminders, ILogger<CouponExpiryGrain> logger) : Grain, ICouponExpiryGrain, IRemindable
{
    private const string WakeUp = "coupon-expiry";
    private IGrainTimer? _poll;

    public async Task Start()
    {
        await this.RegisterOrUpdateReminder(WakeUp, reminders.Value.Period, reminders.Value.Period);
        Poll();
    }

    public Task ReceiveReminder(string reminderName, TickStatus status)
    {
        Poll();
        return Task.CompletedTask;
    }

    private void Poll() => _poll ??= this.RegisterGrainTimer(RemindAsync,
        new GrainTimerCreationOptions { DueTime = TimeSpan.Zero, Period = options.Value.PollEvery, KeepAlive = true });

    private async Task RemindAsync(CancellationToken cancellationToken)
    {
        try
        {
            var now = clock.GetUtcNow();
            var (reminded, created) = await alerts.RemindAsync(this.GetPrimaryKey(), now);
            if (created.Count > 0)
            {
                // Committed to the inboxes first: a push lost on the way still leaves the alert there.
                GrainFactory.GetGrain<ILiveHubGrain>(0).ShopperAlerts([.. created]).Ignore();
            }

            var recycling = await recycler.RecycleAsync(this.GetPrimaryKey(), now);
            if (recycling.Recycled > 0)
            {
                await GrainFactory.GetGrain<ICampaignGrain>(this.GetPrimaryKey()).Restock(recycling.Stock);
            }

            if (!reminded || !recycling.Finished)
            {
                return;
            }
        }
        catch (Exception e) when (e is Npgsql.NpgsqlException or TimeoutException)
        {
            // The next tick tries again from where the last commit left off.
            CouponExpiryLog.ExpiryWorkFailed(logger, e, this.GetPrimaryKey());
            return;
        }

        // The sale is over and every coupon has passed every reminder threshold: nothing more will come.
        if (await this.GetReminder(WakeUp) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }

        _poll?.Dispose();
        _poll = null;
        DeactivateOnIdle();
    }
}

internal static partial class CouponExpiryLog
{
    [LoggerMessage(EventId = 2301, Level = LogLevel.Warning, Message = "Expiry work of campaign {CampaignId} failed; retrying")]
    public static partial void ExpiryWorkFailed(ILogger logger, Exception exception, Guid campaignId);
}
