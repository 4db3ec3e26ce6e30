namespace FlashSale.PaymentSandbox;

/// <summary>The merchant API's field rules (WeChat's, PROTOCOL.md); each check answers why a request is a PARAM_ERROR.</summary>
internal static class MerchantValidation
{
    /// <summary>WeChat's limit when a trade gives no time_expire: unpaid for 7 days, it can no longer be paid.</summary>
    private static readonly TimeSpan DefaultExpiry = TimeSpan.FromDays(7);

    /// <summary>The terms of a Native prepay, or why there are none.</summary>
    public static (TradeTerms? Terms, string? Problem) NativePay(NativePayRequest body, DateTimeOffset now)
    {
        if (!IsOutTradeNo(body.OutTradeNo))
        {
            return (null, "out_trade_no must be 6-32 characters of 0-9 A-Z a-z _ - | *");
        }

        if (body.Description is not { Length: >= 1 and <= 127 })
        {
            return (null, "description must be 1-127 characters");
        }

        if (body.Amount?.Total is not >= 1)
        {
            return (null, "amount.total must be an integer number of fen >= 1");
        }

        if (!IsCurrency(body.Amount.Currency))
        {
            return (null, "amount.currency must be CNY");
        }

        if (body.Attach is { Length: > 128 })
        {
            return (null, "attach must be at most 128 characters");
        }

        if (NotifyUrl(body.NotifyUrl) is not { } notifyUrl)
        {
            return (null, "notify_url must be an absolute http(s) URL without a query string");
        }

        var timeExpire = now + DefaultExpiry;
        if (body.TimeExpire is not null && !ChinaTime.TryParse(body.TimeExpire, out timeExpire))
        {
            return (null, "time_expire must be RFC 3339 with an offset, such as 2026-12-04T10:05:00+08:00");
        }

        return (new TradeTerms(body.OutTradeNo!, body.Description, body.Amount.Total.Value, body.Attach, body.Appid, notifyUrl, timeExpire), null);
    }

    /// <summary>Why a refund request is a PARAM_ERROR, or null.</summary>
    public static string? Refund(RefundRequest body)
    {
        if (body.OutTradeNo is null && body.TransactionId is null)
        {
            return "out_trade_no or transaction_id is required";
        }

        if (body.OutTradeNo is not null && !IsOutTradeNo(body.OutTradeNo))
        {
            return "out_trade_no must be 6-32 characters of 0-9 A-Z a-z _ - | *";
        }

        if (!IsOutRefundNo(body.OutRefundNo))
        {
            return "out_refund_no must be 1-64 characters of 0-9 A-Z a-z _ - | * @";
        }

        if (body.Amount?.Refund is not >= 1 || body.Amount.Total is not >= 1)
        {
            return "amount.refund and amount.total must be integer numbers of fen >= 1";
        }

        if (!IsCurrency(body.Amount.Currency))
        {
            return "amount.currency must be CNY";
        }

        if (body.Reason is { Length: > 80 })
        {
            return "reason must be at most 80 characters";
        }

        return body.NotifyUrl is not null && NotifyUrl(body.NotifyUrl) is null
            ? "notify_url must be an absolute http(s) URL without a query string"
            : null;
    }

    public static bool IsOutTradeNo(string? text) => text is { Length: >= 6 and <= 32 } && text.All(c => IsNumberCharacter(c) || c == '*');

    public static bool IsOutRefundNo(string? text) => text is { Length: >= 1 and <= 64 } && text.All(c => IsNumberCharacter(c) || c is '*' or '@');

    public static Uri? NotifyUrl(string? text) =>
        text is { Length: <= 256 } && Uri.TryCreate(text, UriKind.Absolute, out var url) && url.Scheme is "http" or "https" && url.Query.Length == 0 ? url : null;

    private static bool IsNumberCharacter(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '|';

    private static bool IsCurrency(string? currency) => currency is null or TransactionView.Currency;
}
