using FlashSale.GrainInterfaces.Wallet;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FlashSale.Grains.Wallet;

/// <summary>Configuration section <c>ExpiryReminders</c> on silos.</summary>
public sealed class ExpiryReminderOptions
{
    /// <summary>How often an active campaign looks for coupons whose reminder is due: the reminders' precision.</summary>
    public TimeSpan PollEvery { get; set; } = TimeSpan.FromSeconds(30);
}

/// <summary>
/// One campaign's expiry reminders. An Orleans reminder (stored in PostgreSQL) wakes the grain
/// every minute wherever it lives, so that a crash or a restart only delays reminders; while
/// awake, a timer looks for due coupons at the configured pace. Each look reads from where the
/// last one stopped, never the whole campaign.
/// </summary>
public sealed class ExpiryRemindersGrain(AlertStore alerts, TimeProvider clock, IOptions<ExpiryReminderOptions> options,
    ILogger<ExpiryRemindersGrain> logger) : Grain, IExpiryRemindersGrain, IRemindable
{
    private const string WakeUp = "expiry-reminders";
    private IGrainTimer? _poll;

    public async Task Start()
    {
        await this.RegisterOrUpdateReminder(WakeUp, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
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
            if (!await alerts.RemindAsync(this.GetPrimaryKey(), clock.GetUtcNow()))
            {
                return;
            }
        }
        catch (Exception e) when (e is Npgsql.NpgsqlException or TimeoutException)
        {
            // The next tick tries again from where the last commit left off.
            logger.LogWarning(e, "Expiry reminders of campaign {CampaignId} failed; retrying", this.GetPrimaryKey());
            return;
        }

        // The sale is over and every coupon has passed every threshold: nothing more will come.
        if (await this.GetReminder(WakeUp) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }

        _poll?.Dispose();
        _poll = null;
        DeactivateOnIdle();
    }
}
