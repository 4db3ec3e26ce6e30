using System.Text;

namespace FlashSale.PaymentSandbox;

/// <summary>
/// The daily trade bill (交易账单) in WeChat's <c>ALL</c> format: a row per payment that succeeded on the day and per
/// refund accepted on it, every value behind a backtick, amounts in yuan, then a summary. A refund row shows the
/// refund's status when the bill is made and is not updated afterwards, as at WeChat.
/// </summary>
internal static class Statement
{
    public const string DetailHeader =
        "交易时间,公众账号ID,商户号,特约商户号,设备号,微信订单号,商户订单号,用户标识,交易类型,交易状态,付款银行,货币种类,应结订单金额,代金券金额,"
        + "微信退款单号,商户退款单号,退款金额,充值券退款金额,退款类型,退款状态,商品名称,商户数据包,手续费,费率,订单金额,申请退款金额,费率备注";

    public const string SummaryHeader = "总交易单数,应结订单总金额,退款总金额,充值券退款总金额,手续费总金额,订单总金额,申请退款总金额";

    private const string Zero = "0.00";

    public static byte[] Build(IEnumerable<TradeSnapshot> trades, DateOnly day)
    {
        var rows = new List<Row>();
        foreach (var trade in trades)
        {
            if (trade.SuccessTime is { } paid && ChinaTime.Day(paid) == day)
            {
                rows.Add(Payment(trade, paid));
            }

            rows.AddRange(trade.Refunds.Where(refund => ChinaTime.Day(refund.CreatedAt) == day).Select(refund => Refund(trade, refund)));
        }

        var text = new StringBuilder().Append(DetailHeader).Append("\r\n");
        foreach (var row in rows.OrderBy(row => row.Time))
        {
            AppendLine(text, row.Cells);
        }

        text.Append(SummaryHeader).Append("\r\n");
        AppendLine(text,
        [
            rows.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Money.Yuan(rows.Sum(row => row.Settled)),
            Money.Yuan(rows.Sum(row => row.Refunded)),
            Zero,
            Money.Yuan(rows.Sum(row => row.Fee)),
            Money.Yuan(rows.Sum(row => row.Ordered)),
            Money.Yuan(rows.Sum(row => row.Refunded)),
        ]);
        return new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(text.ToString());
    }

    private static Row Payment(TradeSnapshot trade, DateTimeOffset paid)
    {
        var fee = Money.Fee(trade.Terms.Total, trade.Channel.FeeRate);
        return new Row(paid, trade.Terms.Total, Refunded: 0, fee, trade.Terms.Total,
        [
            ChinaTime.BillFormat(paid), trade.Terms.Appid ?? "", trade.Channel.MchId, "", "", trade.TransactionId!, trade.Terms.OutTradeNo, "",
            "NATIVE", "SUCCESS", "OTHERS", TransactionView.Currency, Money.Yuan(trade.Terms.Total), Zero,
            "0", "0", Zero, Zero, "", "",
            trade.Terms.Description, trade.Terms.Attach ?? "", Money.Yuan(fee), Money.Rate(trade.Channel.FeeRate), Money.Yuan(trade.Terms.Total), Zero, "",
        ]);
    }

    /// <summary>The gateway gives its fee back on what is refunded: a refund row's fee is negative.</summary>
    private static Row Refund(TradeSnapshot trade, RefundSnapshot refund)
    {
        var fee = -Money.Fee(refund.Refund, trade.Channel.FeeRate);
        return new Row(refund.CreatedAt, Settled: 0, refund.Refund, fee, Ordered: 0,
        [
            ChinaTime.BillFormat(refund.CreatedAt), trade.Terms.Appid ?? "", trade.Channel.MchId, "", "", refund.TransactionId, refund.OutTradeNo, "",
            "NATIVE", "REFUND", "OTHERS", TransactionView.Currency, Zero, Zero,
            refund.RefundId, refund.OutRefundNo, Money.Yuan(refund.Refund), Zero, "ORIGINAL", refund.Status,
            trade.Terms.Description, trade.Terms.Attach ?? "", Money.Yuan(fee), Money.Rate(trade.Channel.FeeRate), Zero, Money.Yuan(refund.Refund), "",
        ]);
    }

    private static void AppendLine(StringBuilder text, IReadOnlyList<string> cells)
    {
        for (var i = 0; i < cells.Count; i++)
        {
            if (i > 0)
            {
                text.Append(',');
            }

            text.Append(Cell(cells[i]));
        }

        text.Append("\r\n");
    }

    /// <summary>
    /// A backtick before every value, so that spreadsheets keep long numbers as text. Nothing is quoted, as at WeChat: a
    /// comma inside a description stays in it, and readers split fields on a comma followed by a backtick. Line breaks
    /// become spaces, so that a row stays one line.
    /// </summary>
    private static string Cell(string value) => "`" + value.ReplaceLineEndings(" ");

    /// <summary>One detail line, with the amounts (in fen) the summary adds up.</summary>
    private sealed record Row(DateTimeOffset Time, long Settled, long Refunded, long Fee, long Ordered, string[] Cells);
}
