using System.Collections.Immutable;
using Orleans.Concurrency;

namespace FlashSale.GrainInterfaces.Sales;

/// <summary>
/// The payments of paid sales, on any silo (a stateless worker: every decision is fenced in the
/// database): starting a payment through the routed channel, taking in the gateways' notifications,
/// and the shoppers' and admins' reads of orders and routes.
/// </summary>
[Alias("FlashSale.ISalePaymentsGrain")]
public interface ISalePaymentsGrain : IGrainWithIntegerKey
{
    /// <summary>Starts (or resumes) paying the shopper's order: routes it to a channel and creates the payment there.</summary>
    [Alias("StartPayment")]
    Task<PaymentStart> StartPayment(Guid orderId, string shopperId, string? tier);

    /// <summary>Refunds a paid order whose coupon the shopper has not used: the coupon is revoked, the money goes back through its gateway.</summary>
    [Alias("RefundOrder")]
    Task<PaymentStart> RefundOrder(Guid orderId, string shopperId);

    /// <summary>Verifies a notification (signature, timestamp, nonce) and settles what it reports.</summary>
    [Alias("Notify")]
    Task<NotificationAnswer> Notify(PaymentNotification notification);

    /// <summary>The shopper's order; null when it is not theirs or does not exist.</summary>
    [Alias("Order")]
    Task<SaleOrder?> Order(Guid orderId, string shopperId);

    /// <summary>The shopper's orders, newest first.</summary>
    [Alias("Orders")]
    Task<ImmutableArray<SaleOrder>> Orders(string shopperId, int limit);

    /// <summary>Reconciles the day's statement of one channel, or of every channel when <paramref name="channel"/> is null; each run is kept.</summary>
    [Alias("Reconcile")]
    Task<ImmutableArray<ReconciliationReport>> Reconcile(string? channel, DateOnly day);

    /// <summary>The latest reconciliation of each channel for the day; empty when none ran.</summary>
    [Alias("Reconciliations")]
    Task<ImmutableArray<ReconciliationReport>> Reconciliations(DateOnly day);

    /// <summary>The payment channels and their health.</summary>
    [Alias("Channels")]
    Task<ImmutableArray<PaymentChannelView>> Channels();

    /// <summary>An admin takes a channel out of routing (every silo, within seconds) or puts it back; false when no such channel.</summary>
    [Alias("SwitchChannel")]
    Task<bool> SwitchChannel(string channel, bool isolate, string actor, string? reason);

    /// <summary>Routing decisions, newest first; of one order when <paramref name="orderId"/> is given.</summary>
    [Alias("Routes")]
    Task<ImmutableArray<PaymentRoute>> Routes(Guid? orderId, int limit);
}

/// <summary>
/// One paid sale's deadlines: orders left unpaid past theirs lapse (after the gateway is asked
/// whether they were paid, and told to close them), refunds are driven to success. Woken by a
/// durable reminder while the sale may still have orders, so that a crash only delays a deadline.
/// </summary>
[Alias("FlashSale.ISaleDeadlinesGrain")]
public interface ISaleDeadlinesGrain : IGrainWithGuidKey
{
    /// <summary>
    /// Starts watching (idempotent): the campaign grain calls it before its first order can commit.
    /// Interleaved: the campaign grain calls it while activating, and a look in progress may be
    /// waiting on that very activation (to report what it settled).
    /// </summary>
    [Alias("Watch"), AlwaysInterleave]
    Task Watch();

    /// <summary>
    /// An order now waits until <paramref name="deadline"/>: looked at then, if no look comes earlier.
    /// The campaign grain tells it once its last word's deadline has passed (orders' deadlines only grow later).
    /// </summary>
    [Alias("Due"), OneWay]
    Task Due(DateTimeOffset deadline);
}

/// <summary>
/// The daily reconciliation: woken every hour by a durable reminder, it reconciles yesterday's
/// statement of every channel once the gateways have published it (10:00 in China, as WeChat Pay
/// advises), unless that day already has a run.
/// </summary>
[Alias("FlashSale.IReconciliationJobGrain")]
public interface IReconciliationJobGrain : IGrainWithIntegerKey
{
    /// <summary>Starts the daily job (idempotent); the silo calls it at start.</summary>
    [Alias("Start")]
    Task Start();
}
