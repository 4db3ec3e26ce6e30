namespace FlashSale.Grains.Payments;

/// <summary>A Native payment to create at one channel. Amounts are fen; <see cref="NotifyUrl"/> is absolute, without a query string.</summary>
public sealed record GatewayPaymentRequest(string OutTradeNo, string Description, long AmountFen, DateTimeOffset TimeExpire, string Attach, string NotifyUrl);

/// <summary>A trade as the gateway knows it (query answer or TRANSACTION.* notification).</summary>
public sealed record GatewayTrade(string OutTradeNo, string? TransactionId, TradeState TradeState, DateTimeOffset? SuccessTime, long AmountFen, string Attach);

public enum TradeState
{
    NotPay,
    Success,
    Closed,
    Refund,
    PayError,
}

/// <summary>What a close came to. A paid trade cannot be closed: the order must be treated as paid.</summary>
public enum CloseOutcome
{
    Closed,
    AlreadyPaid,
    NotFound,
}

/// <summary>A refund of a paid trade. The same <see cref="OutRefundNo"/> again is the same refund, never a second one.</summary>
public sealed record GatewayRefundRequest(string OutTradeNo, string OutRefundNo, string Reason, string NotifyUrl, long RefundFen, long TotalFen);

public sealed record GatewayRefund(string OutRefundNo, string RefundId, RefundStatus Status, DateTimeOffset? SuccessTime, long RefundFen);

/// <summary>Processing is not final; Closed needs a new out_refund_no to retry; Abnormal needs a person.</summary>
public enum RefundStatus
{
    Processing,
    Success,
    Closed,
    Abnormal,
}

/// <summary>One day's trade bill (UTC+8 calendar day): one row per successful payment and per accepted refund, and the gateway's totals.</summary>
public sealed record GatewayStatement(DateOnly Day, IReadOnlyList<StatementRow> Rows, StatementSummary Summary);

/// <summary>
/// One bill row. <see cref="State"/> is <c>SUCCESS</c> (a payment) or <c>REFUND</c> (a refund, with its
/// ids, amount and <see cref="RefundStatus"/> <c>SUCCESS</c> or <c>PROCESSING</c>); amounts in fen.
/// </summary>
public sealed record StatementRow(
    DateTimeOffset Time,
    string TransactionId,
    string OutTradeNo,
    string State,
    long AmountFen,
    string? RefundId,
    string? OutRefundNo,
    long RefundFen,
    string? RefundStatus,
    long FeeFen,
    string Attach);

/// <summary>The bill's summary row, amounts in fen.</summary>
public sealed record StatementSummary(int TradeCount, long SettlementFen, long RefundFen, long CouponRefundFen, long FeeFen, long OrderFen, long RequestedRefundFen);
