using System.Globalization;

namespace FlashSale.Grains.Payments;

/// <summary>
/// Reads a trade bill of type ALL: the detail header, its rows, the summary header and the summary row,
/// every value prefixed with a backtick, amounts in yuan. Columns are found by their header names, not
/// their places, so that a gateway adding a column breaks nothing.
/// </summary>
internal static class StatementParser
{
    private const string SummaryFirstColumn = "总交易单数";
    private static readonly TimeSpan ChinaOffset = GatewayTime.Offset;

    /// <summary>The statement; a FormatException naming the line when the file is not a bill.</summary>
    public static GatewayStatement Parse(string csv, DateOnly day)
    {
        var lines = csv.TrimStart('\uFEFF').Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0).ToList();
        if (lines.Count < 3)
        {
            throw new FormatException("A bill has a header, a summary header and a summary row.");
        }

        var header = Columns(Fields(lines[0]));
        var summaryAt = lines.FindIndex(1, l => Fields(l)[0] == SummaryFirstColumn);
        if (summaryAt < 0 || summaryAt + 1 >= lines.Count)
        {
            throw new FormatException("The bill has no summary.");
        }

        var rows = new List<StatementRow>(summaryAt - 1);
        for (var i = 1; i < summaryAt; i++)
        {
            rows.Add(Row(new Line(header, Fields(lines[i]), i + 1)));
        }

        var summary = new Line(Columns(Fields(lines[summaryAt])), Fields(lines[summaryAt + 1]), summaryAt + 2);
        return new GatewayStatement(day, rows, new StatementSummary(
            int.Parse(summary["总交易单数"], NumberStyles.None, CultureInfo.InvariantCulture),
            summary.Fen("应结订单总金额"),
            summary.Fen("退款总金额"),
            summary.Fen("充值券退款总金额"),
            summary.Fen("手续费总金额"),
            summary.Fen("订单总金额"),
            summary.Fen("申请退款总金额")));
    }

    private static StatementRow Row(Line line)
    {
        var state = line["交易状态"];
        var refund = state == "REFUND";
        return new StatementRow(
            line.Time("交易时间"),
            line["微信订单号"],
            line["商户订单号"],
            state,
            line.Fen("应结订单金额"),
            refund ? line["微信退款单号"] : null,
            refund ? line["商户退款单号"] : null,
            refund ? line.Fen("退款金额") : 0,
            refund ? line["退款状态"] : null,
            line.Fen("手续费"),
            line["商户数据包"]);
    }

    /// <summary>
    /// The values of a line without their backticks. Every value starts with one, so a field ends at a
    /// comma followed by a backtick: a comma inside a description or attach stays in its value.
    /// </summary>
    private static string[] Fields(string line)
    {
        if (!line.StartsWith('`'))
        {
            // The header lines carry no backticks.
            return line.Split(',');
        }

        return line[1..].Split(",`");
    }

    private static Dictionary<string, int> Columns(string[] names)
    {
        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < names.Length; i++)
        {
            columns.TryAdd(names[i].Trim(), i);
        }

        return columns;
    }

    private readonly record struct Line(Dictionary<string, int> Columns, string[] Values, int Number)
    {
        public string this[string column] => Columns.TryGetValue(column, out var at) && at < Values.Length
            ? Values[at]
            : throw new FormatException($"Line {Number} has no {column}.");

        /// <summary>Yuan with at most two decimals, as fen; an empty value is 0.</summary>
        public long Fen(string column)
        {
            var text = this[column];
            if (text.Length == 0)
            {
                return 0;
            }

            if (!decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var yuan)
                || decimal.Round(yuan, 2) != yuan)
            {
                throw new FormatException($"Line {Number}: {column} '{text}' is not an amount in yuan.");
            }

            return (long)(yuan * 100);
        }

        public DateTimeOffset Time(string column)
        {
            var text = this[column];
            if (!DateTime.TryParseExact(text, "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
            {
                throw new FormatException($"Line {Number}: {column} '{text}' is not a time.");
            }

            return new DateTimeOffset(local, ChinaOffset);
        }
    }
}
