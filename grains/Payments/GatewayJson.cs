using System.Globalization;
using System.Text.Json.Serialization;

namespace FlashSale.Grains.Payments;

// The gateway's JSON, snake_case. Everything read is nullable: a missing field is the gateway's
// mistake, reported as a GatewayProtocolException by the reader, not a NullReferenceException later.

internal sealed record AmountJson
{
    public long? Total { get; init; }
    public long? Refund { get; init; }
    public long? PayerTotal { get; init; }
    public long? PayerRefund { get; init; }
    public string? Currency { get; init; }
}

internal sealed record NativeCreateJson(string Mchid, string Description, string OutTradeNo, string TimeExpire, string Attach, string NotifyUrl, AmountJson Amount);

internal sealed record CodeUrlJson(string? CodeUrl);

internal sealed record MchidJson(string Mchid);

internal sealed record TradeJson
{
    public string? Mchid { get; init; }
    public string? OutTradeNo { get; init; }
    public string? TransactionId { get; init; }
    public string? TradeState { get; init; }
    public DateTimeOffset? SuccessTime { get; init; }
    public string? Attach { get; init; }
    public AmountJson? Amount { get; init; }
}

internal sealed record RefundCreateJson(string OutTradeNo, string OutRefundNo, string Reason, string NotifyUrl, AmountJson Amount);

/// <summary>A refund as the refund API answers it, or as a REFUND.* notification's resource (refund_status there).</summary>
internal sealed record RefundJson
{
    public string? Mchid { get; init; }
    public string? RefundId { get; init; }
    public string? OutRefundNo { get; init; }
    public string? OutTradeNo { get; init; }
    public string? Status { get; init; }
    public string? RefundStatus { get; init; }
    public DateTimeOffset? SuccessTime { get; init; }
    public AmountJson? Amount { get; init; }
}

internal sealed record ErrorJson(string? Code, string? Message);

internal sealed record TradeBillJson(string? HashType, string? HashValue, string? DownloadUrl);

internal sealed record EncryptedJson(string? OriginalType, string? Algorithm, string? Ciphertext, string? AssociatedData, string? Nonce);

internal sealed record CertificateJson(string? SerialNo, EncryptedJson? EncryptCertificate);

internal sealed record CertificatesJson(IReadOnlyList<CertificateJson>? Data);

internal sealed record NotificationJson(string? Id, string? ResourceType, string? EventType, EncryptedJson? Resource);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(NativeCreateJson))]
[JsonSerializable(typeof(CodeUrlJson))]
[JsonSerializable(typeof(MchidJson))]
[JsonSerializable(typeof(TradeJson))]
[JsonSerializable(typeof(RefundCreateJson))]
[JsonSerializable(typeof(RefundJson))]
[JsonSerializable(typeof(ErrorJson))]
[JsonSerializable(typeof(TradeBillJson))]
[JsonSerializable(typeof(CertificatesJson))]
[JsonSerializable(typeof(NotificationJson))]
internal sealed partial class GatewayJson : JsonSerializerContext;

/// <summary>The gateway's clock: RFC 3339 at +08:00, whole seconds.</summary>
internal static class GatewayTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    public static string Format(DateTimeOffset time) => time.ToOffset(Offset).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
}
