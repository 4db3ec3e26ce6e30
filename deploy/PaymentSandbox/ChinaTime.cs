using System.Globalization;

namespace FlashSale.PaymentSandbox;

/// <summary>The gateway's clock face: RFC 3339 with +08:00, and calendar days of UTC+8 (a bill's day).</summary>
internal static class ChinaTime
{
    private static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    private static readonly string[] Rfc3339 =
    [
        "yyyy-MM-dd'T'HH:mm:sszzz",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz",
        "yyyy-MM-dd'T'HH:mm:ss'Z'",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'",
    ];

    public static string Format(DateTimeOffset time) => time.ToOffset(Offset).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    /// <summary>交易时间 of the daily statement.</summary>
    public static string BillFormat(DateTimeOffset time) => time.ToOffset(Offset).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    public static DateOnly Day(DateTimeOffset time) => DateOnly.FromDateTime(time.ToOffset(Offset).DateTime);

    /// <summary>RFC 3339 with an explicit offset or Z; a time without one means nothing to a gateway in another zone.</summary>
    public static bool TryParse(string? text, out DateTimeOffset time) =>
        DateTimeOffset.TryParseExact(text, Rfc3339, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out time);
}
