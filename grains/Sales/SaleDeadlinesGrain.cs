using FlashSale.GrainInterfaces.Sales;
using FlashSale.Grains.Reminders;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FlashSale.Grains.Sales;

/// <summary>
/// One paid sale's deadlines. The orders table is the schedule (each order's deadline, indexed while
/// it waits); this grain only looks at it. An Orleans reminder (stored in PostgreSQL) wakes it every
/// period wherever it lives, from before the sale's first order until the sale has ended and every
/// order, refund and close is settled, so that a crash only delays a deadline; while awake, a timer
/// looks at the configured pace. Two activations at once (a partition) are harmless: an order lapses
/// by a conditional update, once.
/// </summary>
public sealed class SaleDeadlinesGrain(SaleStore store, SalePayments payments, TimeProvider clock, IOptions<SaleOptions> options,
    IOptions<ReminderPeriodOptions> reminders, ILogger<SaleDeadlinesGrain> logger) : Grain, ISaleDeadlinesGrain, IRemindable
{
    private const string WakeUp = "sale-deadlines";
    private const int Batch = 1000;
    private IGrainTimer? _poll;
    private bool _watching;

    public async Task Watch()
    {
        if (!_watching)
        {
            await this.RegisterOrUpdateReminder(WakeUp, reminders.Value.Period, reminders.Value.Period);
            _watching = true;
        }

        Poll();
    }

    public Task ReceiveReminder(string reminderName, TickStatus status)
    {
        _watching = true;
        Poll();
        return Task.CompletedTask;
    }

    private void Poll() => _poll ??= this.RegisterGrainTimer(LookAsync,
        new GrainTimerCreationOptions { DueTime = TimeSpan.Zero, Period = options.Value.PollEvery, KeepAlive = true });

    private async Task LookAsync(CancellationToken cancellationToken)
    {
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

            if (due.Count > 0 || refunds.Count > 0 || unclosed.Count > 0 || !await store.SettledAsync(campaignId, clock.GetUtcNow()))
            {
                return;
            }
        }
        catch (Exception e) when (e is Npgsql.NpgsqlException or TimeoutException or OrleansException)
        {
            // The next tick starts again from the orders table.
            SaleLog.DeadlineWorkFailed(logger, e, campaignId);
            return;
        }

        // The sale is over and nothing of it waits: no reminder needed any more.
        if (await this.GetReminder(WakeUp) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }

        _watching = false;
        _poll?.Dispose();
        _poll = null;
        DeactivateOnIdle();
    }
}
