namespace FlashSale.GrainInterfaces.Sales;

/// <summary>
/// An order of a paid sale as its shopper sees it: <c>pending_payment</c> until
/// <see cref="Deadline"/>, then <c>paid</c> (its coupon, of the same id, is in the wallet),
/// <c>expired</c> (its unit went back to the stock) or <c>refunded</c>.
/// </summary>
/// <param name="PayUrl">Where the shopper pays, once a payment was started; null before.</param>
[GenerateSerializer, Immutable, Alias("FlashSale.SaleOrder")]
public sealed record SaleOrder(
    [property: Id(0)] Guid OrderId,
    [property: Id(1)] Guid CampaignId,
    [property: Id(2)] string? CampaignName,
    [property: Id(3)] string ShopperId,
    [property: Id(4)] string Status,
    [property: Id(5)] long AmountFen,
    [property: Id(6)] int Points,
    [property: Id(7)] DateTimeOffset CreatedAt,
    [property: Id(8)] DateTimeOffset Deadline,
    [property: Id(9)] DateTimeOffset? PaidAt,
    [property: Id(10)] string? Channel,
    [property: Id(11)] string? PayUrl)
{
    public const string PendingPayment = "pending_payment";
    public const string Paid = "paid";
    public const string Expired = "expired";
    public const string Refunded = "refunded";
}

/// <summary>The answer to a shopper asking to pay (or refund) an order: the order as it now stands, or why not (a stable code).</summary>
[GenerateSerializer, Immutable, Alias("FlashSale.PaymentStart")]
public sealed record PaymentStart(
    [property: Id(0)] SaleOrder? Order,
    [property: Id(1)] string? Refusal = null)
{
    public const string OrderNotFound = "order_not_found";
    public const string OrderNotPending = "order_not_pending";
    public const string PaymentUnavailable = "payment_unavailable";

    /// <summary>A refund of an order that is not paid (waiting, lapsed).</summary>
    public const string OrderNotPaid = "order_not_paid";

    /// <summary>A refund of a coupon that was redeemed, spent from, given away or its secret revealed.</summary>
    public const string CouponUsed = "coupon_used";
}

/// <summary>A gateway's notification as it reached an API node: the headers that sign it and the raw body.</summary>
[GenerateSerializer, Immutable, Alias("FlashSale.PaymentNotification")]
public sealed record PaymentNotification(
    [property: Id(0)] string Channel,
    [property: Id(1)] string? Serial,
    [property: Id(2)] string? Signature,
    [property: Id(3)] string? Timestamp,
    [property: Id(4)] string? Nonce,
    [property: Id(5)] byte[] Body);

/// <summary>
/// What to answer the gateway: accepted (HTTP 204, it stops sending), refused with a code (HTTP 401:
/// a bad signature, a stale or replayed notification; it may send a good one again) or failed (HTTP
/// 500: we could not record it yet; it retries on its schedule).
/// </summary>
[GenerateSerializer, Immutable, Alias("FlashSale.NotificationAnswer")]
public sealed record NotificationAnswer(
    [property: Id(0)] bool Accepted,
    [property: Id(1)] string? Refusal = null,
    [property: Id(2)] bool Failed = false);

/// <summary>One routing decision: the channel an order's payment went to (null: none would take it), and every channel's verdict.</summary>
[GenerateSerializer, Immutable, Alias("FlashSale.PaymentRoute")]
public sealed record PaymentRoute(
    [property: Id(0)] Guid OrderId,
    [property: Id(1)] DateTimeOffset DecidedAt,
    [property: Id(2)] string? Channel,
    [property: Id(3)] string Considered);

/// <summary>
/// A payment channel as the answering silo sees it: enabled in configuration, its circuit breaker's
/// state (<c>closed</c>: taking orders; <c>open</c>/<c>half_open</c>: failing, probed; <c>isolated</c>:
/// switched off), and whether an admin isolated it.
/// </summary>
[GenerateSerializer, Immutable, Alias("FlashSale.PaymentChannelView")]
public sealed record PaymentChannelView(
    [property: Id(0)] string Channel,
    [property: Id(1)] bool Enabled,
    [property: Id(2)] string Breaker,
    [property: Id(3)] bool Isolated);
