using System.Globalization;

namespace FlashSale.PaymentSandbox;

/// <summary>Amounts travel as integer fen; people (the pay page, the statement) read yuan with two decimals.</summary>
internal static class Money
{
    public static string Yuan(long fen) => (fen / 100m).ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>The gateway's fee on an amount, rounded to the fen half away from zero (四舍五入).</summary>
    public static long Fee(long fen, decimal rate) => (long)Math.Round(fen * rate, MidpointRounding.AwayFromZero);

    /// <summary>费率 as the statement prints it: 0.006 is 0.60%.</summary>
    public static string Rate(decimal rate) => (rate * 100m).ToString("0.00", CultureInfo.InvariantCulture) + "%";
}
