using FlashSale.GrainInterfaces.Sales;
using FlashSale.Grains.Reminders;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FlashSale.Grains.Sales;

/// <summary>
/// One paid sale's deadlines. The orders table is the schedule (each order's deadline, indexed while
/// it waits); this grain only looks at it: at the earliest deadline still waiting, then every
/// <see cref="SaleOptions.PollEvery"/> while orders, refunds or closes are unfinished, and not at all
/// in between, so that a thousand quiet paid sales cost nothing. An Orleans reminder (stored in
/// PostgreSQL) wakes it every period wherever it lives, from before the sale's first order until the
/// sale has ended and everything of it is settled, so that a crash only delays a deadline. Two
/// activations at once (a partition) are harmless: an order lapses by a conditional update, once.
/// </summary>
public sealed class SaleDeadlinesGrain(SaleStore store, SalePayments payments, TimeProvider clock, IOptions<SaleOptions> options,
    IOptions<ReminderPeriodOptions> reminders, ILogger<SaleDeadlinesGrain> logger) : Grain, ISaleDeadlinesGrain, IRemindable
{
    private const string WakeUp = "sale-deadlines";
    private const int Batch = 1000;
    private IGrainTimer? _look;
    private DateTimeOffset _nextLook = DateTimeOffset.MaxValue;
    private bool _watching;

    public async Task Watch()
    {
        if (!_watching)
        {
            await this.RegisterOrUpdateReminder(WakeUp, reminders.Value.Period, reminders.Value.Period);
            _watching = true;
        }

        LookAt(clock.GetUtcNow());
    }

    public Task Due(DateTimeOffset deadline)
    {
        LookAt(deadline);
        return Task.CompletedTask;
    }

    public Task ReceiveReminder(string reminderName, TickStatus status)
    {
        _watching = true;
        LookAt(clock.GetUtcNow());
        return Task.CompletedTask;
    }

    /// <summary>Looks at <paramref name="when"/>, unless a look is already due by then.</summary>
    private void LookAt(DateTimeOffset when)
    {
        if (when >= _nextLook)
        {
            return;
        }

        _nextLook = when;
        _look?.Dispose();
        var wait = when - clock.GetUtcNow();
        _look = this.RegisterGrainTimer(LookAsync, new GrainTimerCreationOptions
        {
            DueTime = wait > TimeSpan.Zero ? wait : TimeSpan.Zero,
            Period = Timeout.InfiniteTimeSpan,
            KeepAlive = true,
        });
    }

    private async Task LookAsync(CancellationToken cancellationToken)
    {
        _nextLook = DateTimeOffset.MaxValue;
        var campaignId = this.GetPrimaryKey();
        try
        {
            await payments.ApplySwitchesAsync();
            var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.Value.Parallelism, CancellationToken = cancellationToken };
            var due = await store.DueAsync(campaignId, clock.GetUtcNow(), Batch);
            await Parallel.ForEachAsync(due, parallel, async (order, _) => await payments.CloseOutAsync(order));

            var refunds = await store.UnfinishedRefundsAsync(campaignId, Batch);
            await Parallel.ForEachAsync(refunds, parallel, async (refund, _) => await payments.RefundAsync(refund.Channel, refund.OutRefundNo));

            var unclosed = await store.UnclosedAsync(campaignId, Batch);
            await Parallel.ForEachAsync(unclosed, parallel, async (payment, _) => await payments.CloseAsync(payment));

            if (due.Count > 0 || refunds.Count > 0 || unclosed.Count > 0)
            {
                // Unfinished (a gateway that did not answer, a refund still processing): again soon.
                LookAt(clock.GetUtcNow() + options.Value.PollEvery);
                return;
            }

            if (await store.NextDeadlineAsync(campaignId) is { } next)
            {
                LookAt(next);
                return;
            }

            if (!await store.SettledAsync(campaignId, clock.GetUtcNow()))
            {
                // Nothing waits, but the sale may still place orders: the campaign grain says when their deadlines are, the reminder backs it up.
                return;
            }
        }
        catch (Exception e) when (e is Npgsql.NpgsqlException or TimeoutException or OrleansException or Payments.GatewayException)
        {
            // The next look starts again from the orders table.
            SaleLog.DeadlineWorkFailed(logger, e, campaignId);
            LookAt(clock.GetUtcNow() + options.Value.PollEvery);
            return;
        }

        // The sale is over and nothing of it waits: no reminder needed any more.
        if (await this.GetReminder(WakeUp) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }

        _watching = false;
        _look?.Dispose();
        _look = null;
        DeactivateOnIdle();
    }
}
