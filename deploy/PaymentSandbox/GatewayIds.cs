using System.Globalization;

namespace FlashSale.PaymentSandbox;

/// <summary>
/// The gateway's own numbers, shaped like WeChat's (prefix, date, digits). Random rather than counted, so that a restarted
/// sandbox never hands out a number a merchant already stored.
/// </summary>
internal static class GatewayIds
{
    /// <summary>微信订单号: 28 digits.</summary>
    public static string NewTransactionId(DateTimeOffset now) => "4200" + Date(now) + RandomText.Numeric(16);

    /// <summary>微信退款单号: 29 digits.</summary>
    public static string NewRefundId(DateTimeOffset now) => "5030" + Date(now) + RandomText.Numeric(17);

    private static string Date(DateTimeOffset now) => ChinaTime.Day(now).ToString("yyyyMMdd", CultureInfo.InvariantCulture);
}
