using System.Collections.Immutable;
using FlashSale.GrainInterfaces.Sales;
using FlashSale.Grains.Payments;
using Microsoft.Extensions.Logging;
using Orleans.Concurrency;
using Polly.CircuitBreaker;

namespace FlashSale.Grains.Sales;

/// <summary>
/// Paid sales' payments on every silo: no state of its own, so a stateless worker (many
/// notifications at once, on whichever silo the API node's call lands). Each decision is the
/// database's (<see cref="SaleStore"/>).
/// </summary>
[StatelessWorker]
public sealed class SalePaymentsGrain(SaleStore store, SalePayments payments, Reconciliation reconciliation, PaymentRouter router,
    NotificationVerifier verifier, TimeProvider clock, ILogger<SalePaymentsGrain> logger) : Grain, ISalePaymentsGrain
{
    public Task<PaymentStart> StartPayment(Guid orderId, string shopperId, string? tier) => payments.StartAsync(orderId, shopperId, tier);

    public Task<PaymentStart> RefundOrder(Guid orderId, string shopperId) => payments.RefundOrderAsync(orderId, shopperId);

    public async Task<NotificationAnswer> Notify(PaymentNotification notification)
    {
        var now = clock.GetUtcNow();
        var verdict = await verifier.VerifyAsync(notification.Channel,
            new NotificationHeaders(notification.Serial, notification.Signature, notification.Timestamp, notification.Nonce), notification.Body,
            CancellationToken.None);
        if (!verdict.Verified)
        {
            SaleLog.NotificationRefused(logger, notification.Channel, verdict.Refusal);
            return new NotificationAnswer(false, verdict.Refusal);
        }

        var accepted = verdict.Notification;
        if (!await store.FirstSightOfNonceAsync(notification.Channel, accepted.Nonce, now))
        {
            SaleLog.NotificationRefused(logger, notification.Channel, "replayed_nonce");
            return new NotificationAnswer(false, "replayed_nonce");
        }

        try
        {
            if (accepted.Trade is { } trade)
            {
                await payments.SettleAsync(notification.Channel, trade);
            }
            else if (accepted.Refund is { } refund)
            {
                await payments.RefundSucceededAsync(notification.Channel, refund);
            }
        }
        catch (Exception e) when (e is Npgsql.NpgsqlException or TimeoutException)
        {
            // Not recorded: the gateway sends it again on its schedule (with a fresh nonce).
            SaleLog.NotificationRefused(logger, notification.Channel, e.GetType().Name);
            return new NotificationAnswer(false, Failed: true);
        }

        return new NotificationAnswer(true);
    }

    public async Task<SaleOrder?> Order(Guid orderId, string shopperId) =>
        await store.FindAsync(orderId) is { } order && string.Equals(order.ShopperId, shopperId, StringComparison.Ordinal) ? order : null;

    public Task<ImmutableArray<SaleOrder>> Orders(string shopperId, int limit) => store.OfShopperAsync(shopperId, limit);

    public async Task<ImmutableArray<PaymentChannelView>> Channels()
    {
        var isolated = await payments.ApplySwitchesAsync(now: true);
        return [.. router.Health().Select(h => new PaymentChannelView(h.Channel, h.Enabled, BreakerName(h.State), isolated.Contains(h.Channel)))];
    }

    public async Task<bool> SwitchChannel(string channel, bool isolate, string actor, string? reason)
    {
        if (!router.Channels.Contains(channel, StringComparer.Ordinal))
        {
            return false;
        }

        await store.SwitchChannelAsync(channel, isolate, actor, reason, clock.GetUtcNow());
        await payments.ApplySwitchesAsync(now: true);
        return true;
    }

    private static string BreakerName(CircuitState state) => state switch
    {
        CircuitState.Closed => "closed",
        CircuitState.Open => "open",
        CircuitState.HalfOpen => "half_open",
        _ => "isolated",
    };

    public async Task<ImmutableArray<ReconciliationReport>> Reconcile(string? channel, DateOnly day)
    {
        var reports = ImmutableArray.CreateBuilder<ReconciliationReport>();
        foreach (var name in channel is null ? router.Channels : router.Channels.Where(known => known == channel))
        {
            try
            {
                reports.Add(await reconciliation.RunAsync(name, day, CancellationToken.None));
            }
            catch (GatewayException e)
            {
                reports.Add(new ReconciliationReport(name, day, clock.GetUtcNow(), 0, 0, [], e.Code));
            }
        }

        return reports.ToImmutable();
    }

    public Task<ImmutableArray<ReconciliationReport>> Reconciliations(DateOnly day) => reconciliation.LatestAsync(day);

    public Task<ImmutableArray<PaymentRoute>> Routes(Guid? orderId, int limit) => store.RoutesAsync(orderId, limit);
}
