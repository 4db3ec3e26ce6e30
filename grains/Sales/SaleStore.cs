using System.Collections.Immutable;
using Dapper;
using FlashSale.GrainInterfaces.Campaigns;
using FlashSale.GrainInterfaces.Sales;
using FlashSale.Grains.Wallet;
using Npgsql;

namespace FlashSale.Grains.Sales;

/// <summary>
/// Paid sales' orders, payments, refunds and routes (silo/Database/Migrations/V025__paid_sales.sql).
/// Every change of an order's state is one conditional statement or function in the database, so
/// that a notification, a query and a deadline racing for one order settle it exactly once.
/// </summary>
public sealed class SaleStore(NpgsqlDataSource database)
{
    private const string OrderColumns =
        """
        o.order_id, o.campaign_id, s.campaign_name, o.shopper_id, o.status, o.amount_fen, o.points, o.created_at, o.deadline, o.paid_at,
        coalesce(o.paid_channel, latest.channel) AS channel, latest.pay_url
        """;

    private const string OrderSource =
        """
        sale_orders o
        JOIN campaign_stock s ON s.campaign_id = o.campaign_id
        LEFT JOIN LATERAL (SELECT p.channel, p.pay_url FROM sale_payments p
                            WHERE p.order_id = o.order_id AND p.pay_url IS NOT NULL
                            ORDER BY p.created_at DESC LIMIT 1) latest ON true
        """;

    public async Task<SaleOrder?> FindAsync(Guid orderId)
    {
        await using var connection = database.CreateConnection();
        return await connection.QuerySingleOrDefaultAsync<SaleOrder>(
            $"SELECT {OrderColumns} FROM {OrderSource} WHERE o.order_id = @orderId", new { orderId });
    }

    public async Task<ImmutableArray<SaleOrder>> OfShopperAsync(string shopperId, int limit)
    {
        await using var connection = database.CreateConnection();
        var orders = await connection.QueryAsync<SaleOrder>(
            $"SELECT {OrderColumns} FROM {OrderSource} WHERE o.shopper_id = @shopperId ORDER BY o.created_at DESC, o.order_id LIMIT @limit",
            new { shopperId, limit });
        return [.. orders];
    }

    /// <summary>Records a payment before the gateway is asked to create it, so that a capture of it is always ours to find.</summary>
    public async Task RecordPaymentAsync(string channel, string outTradeNo, Guid orderId, long amountFen, DateTimeOffset now)
    {
        await using var connection = database.CreateConnection();
        await connection.ExecuteAsync(
            """
            INSERT INTO sale_payments (channel, out_trade_no, order_id, amount_fen, created_at)
            VALUES (@channel, @outTradeNo, @orderId, @amountFen, @now)
            ON CONFLICT (channel, out_trade_no) DO NOTHING
            """, new { channel, outTradeNo, orderId, amountFen, now });
    }

    public async Task SetPayUrlAsync(string channel, string outTradeNo, string payUrl)
    {
        await using var connection = database.CreateConnection();
        await connection.ExecuteAsync(
            "UPDATE sale_payments SET pay_url = @payUrl WHERE channel = @channel AND out_trade_no = @outTradeNo",
            new { channel, outTradeNo, payUrl });
    }

    /// <summary>The order's payments the gateway has not reported captured nor confirmed closed: what a deadline must ask about.</summary>
    public async Task<IReadOnlyList<OpenPayment>> OpenPaymentsAsync(Guid orderId)
    {
        await using var connection = database.CreateConnection();
        var payments = await connection.QueryAsync<OpenPayment>(
            """
            SELECT channel, out_trade_no, order_id FROM sale_payments
             WHERE order_id = @orderId AND settlement IS NULL AND closed_at IS NULL
            """, new { orderId });
        return [.. payments];
    }

    /// <summary>Open payments of orders that lapsed or were paid through another payment: closed at their gateway later, when it answers.</summary>
    public async Task<IReadOnlyList<OpenPayment>> UnclosedAsync(Guid campaignId, int limit)
    {
        await using var connection = database.CreateConnection();
        var payments = await connection.QueryAsync<OpenPayment>(
            """
            SELECT p.channel, p.out_trade_no, p.order_id FROM sale_payments p JOIN sale_orders o USING (order_id)
             WHERE o.campaign_id = @campaignId AND o.status <> 'pending_payment' AND p.settlement IS NULL AND p.closed_at IS NULL
             LIMIT @limit
            """, new { campaignId, limit });
        return [.. payments];
    }

    public async Task MarkClosedAsync(string channel, string outTradeNo, DateTimeOffset now)
    {
        await using var connection = database.CreateConnection();
        await connection.ExecuteAsync(
            "UPDATE sale_payments SET closed_at = @now WHERE channel = @channel AND out_trade_no = @outTradeNo AND closed_at IS NULL",
            new { channel, outTradeNo, now });
    }

    /// <inheritdoc cref="Settlement"/>
    /// <remarks>Gateways report times in China's offset; Npgsql writes <c>timestamptz</c> from UTC only.</remarks>
    public async Task<Settlement> SettleCaptureAsync(string channel, string outTradeNo, Guid orderId, string transactionId, long capturedFen,
        DateTimeOffset capturedAt, DateTimeOffset now)
    {
        await using var connection = database.CreateConnection();
        return await connection.QuerySingleAsync<Settlement>(
            """
            SELECT settlement AS outcome, refund_reason, campaign_id, orders_paid, orders_lapsed, refunds_returned, stock
              FROM settle_sale_capture(@channel, @outTradeNo, @orderId, @transactionId, @capturedFen, @capturedAt, @now)
            """, new { channel, outTradeNo, orderId, transactionId, capturedFen, capturedAt = capturedAt.ToUniversalTime(), now });
    }

    /// <inheritdoc cref="Lapse"/>
    public async Task<Lapse?> LapseAsync(Guid orderId, DateTimeOffset now)
    {
        await using var connection = database.CreateConnection();
        return await connection.QuerySingleOrDefaultAsync<Lapse>(
            """
            SELECT lapsed, campaign_id, orders_paid, orders_lapsed, refunds_returned, stock FROM lapse_sale_order(@orderId, @now)
            """, new { orderId, now });
    }

    /// <summary>
    /// Refunds a paid, unused coupon's order (<c>refund_sale_order</c>); the refusal says why not. A
    /// money change: committed within the request's deadline or not at all (<see cref="DeadlineCommit"/>).
    /// </summary>
    public async Task<OrderRefund> RefundOrderAsync(Guid orderId, string shopperId, DateTimeOffset now)
    {
        await using var connection = await database.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var refund = await connection.QuerySingleAsync<OrderRefund>(
            """
            SELECT refusal, channel, out_refund_no, campaign_id, orders_paid, orders_lapsed, refunds_returned, stock
              FROM refund_sale_order(@orderId, @shopperId, @now)
            """, new { orderId, shopperId, now }, transaction);
        await transaction.CommitWithinDeadlineAsync();
        return refund;
    }

    /// <summary>The campaign's orders still waiting for payment past their deadline, earliest first.</summary>
    public async Task<IReadOnlyList<DueOrder>> DueAsync(Guid campaignId, DateTimeOffset now, int limit)
    {
        await using var connection = database.CreateConnection();
        var due = await connection.QueryAsync<DueOrder>(
            """
            SELECT order_id, deadline FROM sale_orders
             WHERE campaign_id = @campaignId AND status = 'pending_payment' AND deadline <= @now
             ORDER BY deadline LIMIT @limit
            """, new { campaignId, now, limit });
        return [.. due];
    }

    /// <summary>The earliest deadline of the campaign's orders still waiting for payment; null when none waits.</summary>
    public async Task<DateTimeOffset?> NextDeadlineAsync(Guid campaignId)
    {
        await using var connection = database.CreateConnection();
        return await connection.ExecuteScalarAsync<DateTimeOffset?>(
            "SELECT min(deadline) FROM sale_orders WHERE campaign_id = @campaignId AND status = 'pending_payment'", new { campaignId });
    }

    /// <summary>Whether the campaign's deadline watch may stop: no order waits, no refund or close is unfinished, and the sale ended a window ago.</summary>
    public async Task<bool> SettledAsync(Guid campaignId, DateTimeOffset now)
    {
        await using var connection = database.CreateConnection();
        return await connection.ExecuteScalarAsync<bool>(
            """
            SELECT coalesce(s.ends_at + s.payment_window < @now, true)
               AND NOT EXISTS (SELECT 1 FROM sale_orders o WHERE o.campaign_id = @campaignId AND o.status = 'pending_payment')
               AND NOT EXISTS (SELECT 1 FROM sale_refunds r JOIN sale_payments p USING (channel, out_trade_no)
                                JOIN sale_orders o ON o.order_id = p.order_id
                                WHERE o.campaign_id = @campaignId AND r.status <> 'succeeded')
               AND NOT EXISTS (SELECT 1 FROM sale_payments p JOIN sale_orders o ON o.order_id = p.order_id
                                WHERE o.campaign_id = @campaignId AND o.status <> 'pending_payment'
                                  AND p.settlement IS NULL AND p.closed_at IS NULL)
              FROM campaign_stock s WHERE s.campaign_id = @campaignId
            """, new { campaignId, now });
    }

    /// <summary>The campaign's refunds not yet confirmed by their gateway: asked for again (the same refund number refunds once).</summary>
    public async Task<IReadOnlyList<UnfinishedRefund>> UnfinishedRefundsAsync(Guid campaignId, int limit)
    {
        await using var connection = database.CreateConnection();
        var refunds = await connection.QueryAsync<UnfinishedRefund>(
            """
            SELECT r.channel, r.out_refund_no, r.out_trade_no, r.amount_fen, r.reason, r.status
              FROM sale_refunds r JOIN sale_payments p USING (channel, out_trade_no) JOIN sale_orders o ON o.order_id = p.order_id
             WHERE o.campaign_id = @campaignId AND r.status <> 'succeeded'
             ORDER BY r.requested_at LIMIT @limit
            """, new { campaignId, limit });
        return [.. refunds];
    }

    public async Task<UnfinishedRefund?> RefundAsync(string channel, string outRefundNo)
    {
        await using var connection = database.CreateConnection();
        return await connection.QuerySingleOrDefaultAsync<UnfinishedRefund>(
            """
            SELECT channel, out_refund_no, out_trade_no, amount_fen, reason, status FROM sale_refunds
             WHERE channel = @channel AND out_refund_no = @outRefundNo
            """, new { channel, outRefundNo });
    }

    /// <summary>The gateway accepted the refund (processing) or confirmed it (succeeded); never goes back.</summary>
    public async Task RefundProgressedAsync(string channel, string outRefundNo, string? refundId, bool succeeded, DateTimeOffset? succeededAt)
    {
        await using var connection = database.CreateConnection();
        await connection.ExecuteAsync(
            """
            UPDATE sale_refunds
               SET status = CASE WHEN @succeeded THEN 'succeeded' ELSE 'processing' END,
                   refund_id = coalesce(@refundId, refund_id), succeeded_at = CASE WHEN @succeeded THEN @succeededAt END
             WHERE channel = @channel AND out_refund_no = @outRefundNo AND status <> 'succeeded'
            """, new { channel, outRefundNo, refundId, succeeded, succeededAt = succeededAt?.ToUniversalTime() });
    }

    /// <summary>True the first time a channel's nonce is seen; a replayed notification is refused.</summary>
    public async Task<bool> FirstSightOfNonceAsync(string channel, string nonce, DateTimeOffset now)
    {
        await using var connection = database.CreateConnection();
        return await connection.ExecuteAsync(
            """
            INSERT INTO payment_notification_nonces (channel, nonce, seen_at) VALUES (@channel, @nonce, @now)
            ON CONFLICT (channel, nonce) DO NOTHING
            """, new { channel, nonce, now }) == 1;
    }

    /// <summary>The channels an admin took out of routing.</summary>
    public async Task<IReadOnlySet<string>> IsolatedChannelsAsync()
    {
        await using var connection = database.CreateConnection();
        var channels = await connection.QueryAsync<string>("SELECT channel FROM payment_channel_switches WHERE isolated");
        return channels.ToHashSet(StringComparer.Ordinal);
    }

    public async Task SwitchChannelAsync(string channel, bool isolated, string actor, string? reason, DateTimeOffset now)
    {
        await using var connection = database.CreateConnection();
        await connection.ExecuteAsync(
            """
            INSERT INTO payment_channel_switches (channel, isolated, changed_at, changed_by, reason) VALUES (@channel, @isolated, @now, @actor, @reason)
            ON CONFLICT (channel) DO UPDATE
               SET isolated = excluded.isolated, changed_at = excluded.changed_at, changed_by = excluded.changed_by, reason = excluded.reason
            """, new { channel, isolated, now, actor, reason });
    }

    public async Task RecordRouteAsync(Guid orderId, DateTimeOffset decidedAt, string? channel, string considered)
    {
        await using var connection = database.CreateConnection();
        await connection.ExecuteAsync(
            "INSERT INTO payment_routes (order_id, decided_at, channel, considered) VALUES (@orderId, @decidedAt, @channel, @considered::jsonb)",
            new { orderId, decidedAt, channel, considered });
    }

    public async Task<ImmutableArray<PaymentRoute>> RoutesAsync(Guid? orderId, int limit)
    {
        await using var connection = database.CreateConnection();
        var routes = await connection.QueryAsync<PaymentRoute>(
            """
            SELECT order_id, decided_at, channel, considered::text AS considered FROM payment_routes
             WHERE @orderId::uuid IS NULL OR order_id = @orderId
             ORDER BY route_id DESC LIMIT @limit
            """, new { orderId, limit });
        return [.. routes];
    }
}

/// <summary>A payment at a gateway that is neither known captured nor confirmed closed.</summary>
public sealed record OpenPayment(string Channel, string OutTradeNo, Guid OrderId);

/// <summary>An order past its deadline, still waiting.</summary>
public sealed record DueOrder(Guid OrderId, DateTimeOffset Deadline);

/// <summary>A refund the gateway has not confirmed.</summary>
public sealed record UnfinishedRefund(string Channel, string OutRefundNo, string OutTradeNo, long AmountFen, string Reason, string Status);

/// <summary>
/// What a capture became (<c>coupon</c> or <c>refund</c>, with why), first time or replayed, and the
/// campaign's order counts after it, for its grain.
/// </summary>
public sealed record Settlement(string Outcome, string? RefundReason, Guid CampaignId, int OrdersPaid, int OrdersLapsed, int RefundsReturned,
    int Stock)
{
    public bool Refund => Outcome == "refund";

    public SaleCounts Counts => new(OrdersPaid, OrdersLapsed, RefundsReturned);
}

/// <summary>A shopper's refund of a paid order: the refund to ask the gateway for, or why there is none.</summary>
public sealed record OrderRefund(string? Refusal, string? Channel, string? OutRefundNo, Guid? CampaignId, int OrdersPaid, int OrdersLapsed,
    int RefundsReturned, int Stock)
{
    public SaleCounts Counts => new(OrdersPaid, OrdersLapsed, RefundsReturned);
}

/// <summary>Whether this call lapsed the order (false: it was paid or lapsed before), and the campaign's counts after it.</summary>
public sealed record Lapse(bool Lapsed, Guid CampaignId, int OrdersPaid, int OrdersLapsed, int RefundsReturned, int Stock)
{
    public SaleCounts Counts => new(OrdersPaid, OrdersLapsed, RefundsReturned);
}
