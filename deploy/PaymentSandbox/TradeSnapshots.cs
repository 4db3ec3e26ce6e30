namespace FlashSale.PaymentSandbox;

internal enum TradeState
{
    NotPay,
    PayError,
    Success,
    Closed,
}

/// <summary>What the merchant asked for when it created the trade; never changes afterwards.</summary>
internal sealed record TradeTerms(string OutTradeNo, string Description, int Total, string? Attach, string? Appid, Uri NotifyUrl, DateTimeOffset TimeExpire);

/// <summary>A refund as it stands; a refund that succeeds is replaced by a copy with <see cref="SucceededAt"/>.</summary>
internal sealed record RefundSnapshot(
    string RefundId, string OutRefundNo, string OutTradeNo, string TransactionId, int Refund, int Total, string? Reason, Uri NotifyUrl,
    DateTimeOffset CreatedAt, DateTimeOffset? SucceededAt)
{
    public string Status => SucceededAt is null ? "PROCESSING" : "SUCCESS";
}

/// <summary>A trade as it stood at one moment, taken under its lock: safe to read, serialise and render anywhere.</summary>
internal sealed record TradeSnapshot(
    PaymentChannel Channel, TradeTerms Terms, TradeState State, string? TransactionId, DateTimeOffset? SuccessTime, IReadOnlyList<RefundSnapshot> Refunds)
{
    public bool IsPaid => State == TradeState.Success;

    /// <summary>Past time_expire nothing but a late payment is captured, though the state stays NOTPAY until the merchant closes.</summary>
    public bool IsPayable(DateTimeOffset now) => State is TradeState.NotPay or TradeState.PayError && now <= Terms.TimeExpire;

    /// <summary>WeChat's trade_state: a paid trade reads REFUND once any refund of it was accepted.</summary>
    public string StateCode => State switch
    {
        TradeState.Success when Refunds.Count > 0 => "REFUND",
        TradeState.Success => "SUCCESS",
        TradeState.Closed => "CLOSED",
        TradeState.PayError => "PAYERROR",
        _ => "NOTPAY",
    };

    public string StateDescription => StateCode switch
    {
        "REFUND" => "转入退款",
        "SUCCESS" => "支付成功",
        "CLOSED" => "订单已关闭",
        "PAYERROR" => "支付失败，请重新支付",
        _ => "订单未支付",
    };
}
