namespace FlashSale.PaymentSandbox;

// The merchant API's bodies, named as in PROTOCOL.md; SandboxJson.Gateway spells them snake_case.
// Requests have nullable members so that a missing field is a PARAM_ERROR rather than a deserialisation failure.

internal sealed record NativePayRequest(
    string? Appid, string? Mchid, string? Description, string? OutTradeNo, string? TimeExpire, string? Attach, string? NotifyUrl, AmountRequest? Amount);

internal sealed record AmountRequest(int? Total, string? Currency);

internal sealed record MchidBody(string? Mchid);

internal sealed record RefundRequest(string? TransactionId, string? OutTradeNo, string? OutRefundNo, string? Reason, string? NotifyUrl, RefundAmountRequest? Amount);

internal sealed record RefundAmountRequest(int? Refund, int? Total, string? Currency);

internal sealed record CodeUrlAnswer(string CodeUrl);

internal sealed record GatewayError(string Code, string Message);

internal sealed record TransactionAmount(int Total, int? PayerTotal, string Currency);

/// <summary>The query's answer, and the plaintext of a TRANSACTION.SUCCESS notification.</summary>
internal sealed record TransactionView(
    string? Appid, string Mchid, string OutTradeNo, string? TransactionId, string TradeType, string TradeState, string TradeStateDesc,
    string? SuccessTime, string? Attach, TransactionAmount Amount)
{
    public const string Currency = "CNY";

    public static TransactionView Of(TradeSnapshot trade) => new(
        trade.Terms.Appid, trade.Channel.MchId, trade.Terms.OutTradeNo, trade.TransactionId, "NATIVE", trade.StateCode, trade.StateDescription,
        trade.SuccessTime is { } paid ? ChinaTime.Format(paid) : null, trade.Terms.Attach,
        new TransactionAmount(trade.Terms.Total, trade.IsPaid ? trade.Terms.Total : null, Currency));
}

internal sealed record RefundAmountView(int Refund, int Total, string Currency);

internal sealed record RefundView(
    string RefundId, string OutRefundNo, string OutTradeNo, string TransactionId, string Status, string CreateTime, string? SuccessTime, RefundAmountView Amount)
{
    public static RefundView Of(RefundSnapshot refund) => new(
        refund.RefundId, refund.OutRefundNo, refund.OutTradeNo, refund.TransactionId, refund.Status, ChinaTime.Format(refund.CreatedAt),
        refund.SucceededAt is { } succeeded ? ChinaTime.Format(succeeded) : null,
        new RefundAmountView(refund.Refund, refund.Total, TransactionView.Currency));
}

internal sealed record RefundResourceAmount(int Total, int Refund, int PayerTotal, int PayerRefund);

/// <summary>The plaintext of a REFUND.SUCCESS notification.</summary>
internal sealed record RefundResource(
    string Mchid, string OutTradeNo, string TransactionId, string OutRefundNo, string RefundId, string RefundStatus, string SuccessTime, RefundResourceAmount Amount)
{
    public static RefundResource Of(TradeSnapshot trade, RefundSnapshot refund) => new(
        trade.Channel.MchId, refund.OutTradeNo, refund.TransactionId, refund.OutRefundNo, refund.RefundId, refund.Status, ChinaTime.Format(refund.SucceededAt!.Value),
        new RefundResourceAmount(refund.Total, refund.Refund, refund.Total, refund.Refund));
}

internal sealed record EncryptCertificate(string Algorithm, string Nonce, string AssociatedData, string Ciphertext);

internal sealed record PlatformCertificate(string SerialNo, string EffectiveTime, string ExpireTime, EncryptCertificate EncryptCertificate);

internal sealed record CertificateList(IReadOnlyList<PlatformCertificate> Data);

internal sealed record TradeBillAnswer(string HashType, string HashValue, string DownloadUrl);

internal sealed record NotificationResource(string OriginalType, string Algorithm, string Ciphertext, string AssociatedData, string Nonce);

internal sealed record NotificationBody(string Id, string CreateTime, string ResourceType, string EventType, string Summary, NotificationResource Resource);
