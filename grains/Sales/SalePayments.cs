using System.Text.Json;
using FlashSale.GrainInterfaces.Campaigns;
using FlashSale.GrainInterfaces.Sales;
using FlashSale.Grains.Payments;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly.CircuitBreaker;

namespace FlashSale.Grains.Sales;

/// <summary>
/// What paid sales do with gateways, shared by the payments and deadline grains: start a payment
/// through the routed channel, settle a capture once (the order's coupon, or a refund), close an
/// order's payments at its deadline (asking first whether they were paid), drive refunds to success.
/// The database decides every race (<see cref="SaleStore"/>); gateway calls are repeated safely
/// (the same trade and refund numbers).
/// </summary>
public sealed class SalePayments(SaleStore store, PaymentRouter router, IGrainFactory grains, TimeProvider clock, IOptions<SaleOptions> options,
    ILogger<SalePayments> logger)
{
    /// <summary>The gateway's merchant order number of an order: its id, 32 hex digits, the same on every channel.</summary>
    public static string TradeNumberOf(Guid orderId) => orderId.ToString("N");

    /// <summary>A refund's number: one refund per capture, so derived from the capture's trade number.</summary>
    public static string RefundNumberOf(string outTradeNo) => "R" + outTradeNo;

    /// <summary>How stale a silo's view of admins' channel switches may be.</summary>
    private static readonly TimeSpan SwitchesFresh = TimeSpan.FromSeconds(2);

    private DateTimeOffset _switchesReadAt = DateTimeOffset.MinValue;
    private IReadOnlySet<string> _isolated = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>The admins' switches, applied to this silo's breakers: an isolated channel takes no order and no call.</summary>
    public async Task<IReadOnlySet<string>> ApplySwitchesAsync(bool now = false)
    {
        if (!now && clock.GetUtcNow() - _switchesReadAt < SwitchesFresh)
        {
            return _isolated;
        }

        var isolated = await store.IsolatedChannelsAsync();
        foreach (var health in router.Health())
        {
            var wanted = isolated.Contains(health.Channel);
            if (wanted && health.State != CircuitState.Isolated)
            {
                await router.IsolateAsync(health.Channel, CancellationToken.None);
            }
            else if (!wanted && health.State == CircuitState.Isolated)
            {
                await router.CloseCircuitAsync(health.Channel, CancellationToken.None);
            }
        }

        (_isolated, _switchesReadAt) = (isolated, clock.GetUtcNow());
        return isolated;
    }

    public async Task<PaymentStart> StartAsync(Guid orderId, string shopperId, string? tier)
    {
        await ApplySwitchesAsync();
        var now = clock.GetUtcNow();
        var order = await store.FindAsync(orderId);
        if (order is null || !string.Equals(order.ShopperId, shopperId, StringComparison.Ordinal))
        {
            return new PaymentStart(null, PaymentStart.OrderNotFound);
        }

        if (order.Status != SaleOrder.PendingPayment || order.Deadline <= now)
        {
            return new PaymentStart(order, PaymentStart.OrderNotPending);
        }

        // Asked again (a reload, a second tap): the same payment, as long as its channel is healthy.
        if (order is { PayUrl: not null, Channel: { } channel } && router.Health().Any(h => h.Channel == channel && h.State is CircuitState.Closed))
        {
            return new PaymentStart(order);
        }

        var outTradeNo = TradeNumberOf(orderId);
        var decision = await router.RouteAsync(
            new PaymentOrder(outTradeNo, Describe(order.CampaignName), order.AmountFen, order.Deadline, orderId.ToString(), tier), CancellationToken.None);
        // Every channel the create may have reached: its trade is ours to close at the deadline (closing one never made is harmless).
        foreach (var reached in decision.Considered.Where(c => c.Reason is RouteReasons.Chosen or RouteReasons.Failed))
        {
            await store.RecordPaymentAsync(reached.Channel, outTradeNo, orderId, order.AmountFen, now);
        }

        await store.RecordRouteAsync(orderId, now, decision.Channel, JsonSerializer.Serialize(decision.Considered, RouteJson));
        if (decision is not { Channel: { } routed, PayUrl: { } payUrl })
        {
            return new PaymentStart(order, PaymentStart.PaymentUnavailable);
        }

        await store.SetPayUrlAsync(routed, outTradeNo, payUrl);
        return new PaymentStart(order with { Channel = routed, PayUrl = payUrl });
    }

    private static readonly JsonSerializerOptions RouteJson = new(JsonSerializerDefaults.Web);

    /// <summary>What the shopper's payment app shows: WeChat Pay takes at most 127 characters.</summary>
    private static string Describe(string? campaignName) =>
        campaignName is null ? "FlashSale" : campaignName.Length <= 127 ? campaignName : campaignName[..127];

    /// <summary>Settles a capture the gateway reported; a refund it calls for is asked for at once (and again by the deadline watch until it succeeds).</summary>
    public async Task<Settlement?> SettleAsync(string channel, GatewayTrade trade)
    {
        if (!Guid.TryParseExact(trade.OutTradeNo, "N", out var orderId) || trade is not { TransactionId: { } transactionId, SuccessTime: { } capturedAt })
        {
            SaleLog.ForeignTrade(logger, channel, trade.OutTradeNo);
            return null;
        }

        var settlement = await store.SettleCaptureAsync(channel, trade.OutTradeNo, orderId, transactionId, trade.AmountFen, capturedAt, clock.GetUtcNow());
        await grains.GetGrain<ICampaignGrain>(settlement.CampaignId).SaleSettled(settlement.Counts, settlement.Stock);
        if (settlement.Refund)
        {
            await RefundAsync(channel, RefundNumberOf(trade.OutTradeNo));
        }

        return settlement;
    }

    /// <summary>
    /// An order past its deadline: each of its payments is asked about first (a capture whose
    /// notification never came settles now, by the gateway's capture time), then closed, so the
    /// shopper cannot pay after; only then does the order lapse and its unit go back (WeChat Pay's
    /// closed loop: release the stock once the gateway confirmed the close). A gateway that does not
    /// answer holds the order until it does, for at most <see cref="SaleOptions.LapseUnconfirmedAfter"/>
    /// past the deadline; then it lapses anyway, and a capture heard of later is refunded.
    /// </summary>
    public async Task CloseOutAsync(DueOrder order)
    {
        var confirmed = true;
        foreach (var payment in await store.OpenPaymentsAsync(order.OrderId))
        {
            confirmed &= await CloseAsync(payment);
        }

        var now = clock.GetUtcNow();
        if (!confirmed && now - order.Deadline < options.Value.LapseUnconfirmedAfter)
        {
            return;
        }

        if (await store.LapseAsync(order.OrderId, now) is { Lapsed: true } lapse)
        {
            await grains.GetGrain<ICampaignGrain>(lapse.CampaignId).SaleSettled(lapse.Counts, lapse.Stock);
        }
    }

    /// <summary>Asks about one payment, settles it if captured, closes it otherwise; false when its gateway did not answer.</summary>
    public async Task<bool> CloseAsync(OpenPayment payment)
    {
        var gateway = router.For(payment.Channel);
        try
        {
            var trade = await gateway.QueryAsync(payment.OutTradeNo, CancellationToken.None);
            if (trade is { TradeState: TradeState.Success or TradeState.Refund })
            {
                await SettleAsync(payment.Channel, trade);
                return true;
            }

            switch (await gateway.CloseAsync(payment.OutTradeNo, CancellationToken.None))
            {
                case CloseOutcome.AlreadyPaid:
                    // Paid between the query and the close: settled as the capture it is.
                    if (await gateway.QueryAsync(payment.OutTradeNo, CancellationToken.None) is { } paid)
                    {
                        await SettleAsync(payment.Channel, paid);
                    }

                    return true;
                default:
                    await store.MarkClosedAsync(payment.Channel, payment.OutTradeNo, clock.GetUtcNow());
                    return true;
            }
        }
        catch (GatewayException e)
        {
            SaleLog.GatewayDown(logger, e, payment.Channel, payment.OutTradeNo);
            return false;
        }
    }

    /// <summary>Asks the gateway for a refund (again): the same refund number refunds once, however often asked.</summary>
    public async Task RefundAsync(string channel, string outRefundNo)
    {
        if (await store.RefundAsync(channel, outRefundNo) is not { } refund)
        {
            return;
        }

        try
        {
            var answer = await router.For(channel).RefundAsync(
                new GatewayRefundRequest(refund.OutTradeNo, refund.OutRefundNo, RefundReasons.Describe(refund.Reason), router.NotifyUrlFor(channel),
                    refund.AmountFen, refund.AmountFen), CancellationToken.None);
            await store.RefundProgressedAsync(channel, outRefundNo, answer.RefundId, answer.Status == RefundStatus.Success, answer.SuccessTime);
        }
        catch (GatewayException e)
        {
            SaleLog.GatewayDown(logger, e, channel, outRefundNo);
        }
    }

    /// <summary>
    /// A shopper gives back a paid coupon they have not used: revoked and its order refunded in the
    /// database first, then the refund asked of the gateway (again by the deadline watch until it
    /// succeeds). Returns the order as it now stands, or why not.
    /// </summary>
    public async Task<PaymentStart> RefundOrderAsync(Guid orderId, string shopperId)
    {
        var refund = await store.RefundOrderAsync(orderId, shopperId, clock.GetUtcNow());
        if (refund.Refusal is { } refusal)
        {
            return new PaymentStart(await store.FindAsync(orderId) is { } order && order.ShopperId == shopperId ? order : null, refusal);
        }

        await grains.GetGrain<ICampaignGrain>(refund.CampaignId!.Value).SaleSettled(refund.Counts, refund.Stock);
        await RefundAsync(refund.Channel!, refund.OutRefundNo!);
        return new PaymentStart(await store.FindAsync(orderId));
    }

    /// <summary>A refund notification: the refund succeeded at the gateway.</summary>
    public Task RefundSucceededAsync(string channel, GatewayRefund refund) =>
        store.RefundProgressedAsync(channel, refund.OutRefundNo, refund.RefundId, refund.Status == RefundStatus.Success, refund.SuccessTime);
}

/// <summary>What a refund tells the shopper's bank statement, by why it was made.</summary>
internal static class RefundReasons
{
    public static string Describe(string reason) => reason switch
    {
        "late" => "Paid after the order's deadline",
        "duplicate" => "The order was already paid",
        "amount_mismatch" => "The amount paid differs from the order's",
        "shopper" => "Refunded at the shopper's request",
        _ => "The order was closed",
    };
}

internal static partial class SaleLog
{
    [LoggerMessage(EventId = 2501, Level = LogLevel.Warning, Message = "Gateway {Channel} did not answer about {Number} as expected; tried again later")]
    public static partial void GatewayDown(ILogger logger, Exception exception, string channel, string number);

    [LoggerMessage(EventId = 2502, Level = LogLevel.Warning, Message = "Gateway {Channel} reported trade {OutTradeNo}, which is not an order of ours")]
    public static partial void ForeignTrade(ILogger logger, string channel, string outTradeNo);

    [LoggerMessage(EventId = 2503, Level = LogLevel.Warning, Message = "Deadline work of campaign {CampaignId} failed; retrying")]
    public static partial void DeadlineWorkFailed(ILogger logger, Exception exception, Guid campaignId);

    [LoggerMessage(EventId = 2504, Level = LogLevel.Information, Message = "Notification on {Channel} refused: {Refusal}")]
    public static partial void NotificationRefused(ILogger logger, string channel, string refusal);
}
