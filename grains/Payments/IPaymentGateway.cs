namespace FlashSale.Grains.Payments;

/// <summary>
/// One payment channel (a merchant account at a WeChat-Pay-v3-style gateway). Every call is idempotent
/// at the gateway, so any of them may be retried after a <see cref="GatewayUnavailableException"/>.
/// A 4xx the call does not expect is a <see cref="GatewayRefusedException"/>.
/// </summary>
public interface IPaymentGateway
{
    string Channel { get; }

    /// <summary>
    /// Creates the payment and returns its pay URL (code_url). The same request again returns the same
    /// URL; <c>ORDER_CLOSED</c>, <c>ORDERPAID</c> and <c>OUT_TRADE_NO_USED</c> are refusals.
    /// </summary>
    Task<string> CreateAsync(GatewayPaymentRequest request, CancellationToken ct);

    /// <summary>The trade, or null when the gateway has none of that number.</summary>
    Task<GatewayTrade?> QueryAsync(string outTradeNo, CancellationToken ct);

    Task<CloseOutcome> CloseAsync(string outTradeNo, CancellationToken ct);

    /// <summary>Asks for a refund; <c>TRADE_NOT_PAID</c> and <c>INVALID_REQUEST</c> are refusals.</summary>
    Task<GatewayRefund> RefundAsync(GatewayRefundRequest request, CancellationToken ct);

    /// <summary>The refund, or null when the gateway has none of that number.</summary>
    Task<GatewayRefund?> QueryRefundAsync(string outRefundNo, CancellationToken ct);

    /// <summary>The day's trade bill, its SHA-1 checked, parsed.</summary>
    Task<GatewayStatement> DownloadStatementAsync(DateOnly day, CancellationToken ct);
}
