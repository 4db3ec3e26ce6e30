using System.Net;
using System.Security.Cryptography;
using System.Text;
using FlashSale.Grains.Payments;

namespace FlashSale.UnitTests.Payments;

/// <summary>The trade bill of type ALL as PROTOCOL.md gives it: backtick-prefixed values, yuan, a summary.</summary>
public sealed class StatementTests
{
    private static readonly DateOnly Day = new(2026, 12, 4);
    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    // A payment whose description holds a comma, and a partial refund of it still processing.
    internal const string Bill =
        "交易时间,公众账号ID,商户号,特约商户号,设备号,微信订单号,商户订单号,用户标识,交易类型,交易状态,付款银行,货币种类,应结订单金额,代金券金额,微信退款单号,商户退款单号,退款金额,充值券退款金额,退款类型,退款状态,商品名称,商户数据包,手续费,费率,订单金额,申请退款金额,费率备注\r\n"
        + "`2026-12-04 10:01:02,`wxd678efh567hg6787,`1900000001,`0,`,`4200000001202612040000000001,`T20261204000001,`,`NATIVE,`SUCCESS,`OTHERS,`CNY,`9.90,`0.00,`0,`0,`0.00,`0.00,`,`,`Coupon, 10% off,`order-1,`0.06,`0.60%,`9.90,`0.00,`\r\n"
        + "`2026-12-04 23:59:59,`wxd678efh567hg6787,`1900000001,`0,`,`4200000001202612040000000001,`T20261204000001,`,`NATIVE,`REFUND,`OTHERS,`CNY,`9.90,`0.00,`50300000012026120400000001,`R20261204000001,`5.00,`0.00,`ORIGINAL,`PROCESSING,`Coupon, 10% off,`order-1,`-0.03,`0.60%,`9.90,`5.00,`\r\n"
        + "总交易单数,应结订单总金额,退款总金额,充值券退款总金额,手续费总金额,订单总金额,申请退款总金额\r\n"
        + "`2,`9.90,`5.00,`0.00,`0.03,`9.90,`5.00\r\n";

    [Fact]
    public void Rows_and_summary_are_read_in_fen_with_their_times_in_china()
    {
        var statement = StatementParser.Parse(Bill, Day);

        Assert.Equal(Day, statement.Day);
        Assert.Equal(
            [
                new StatementRow(new DateTimeOffset(2026, 12, 4, 10, 1, 2, China), "4200000001202612040000000001", "T20261204000001", "SUCCESS",
                    990, null, null, 0, null, 6, "order-1"),
                new StatementRow(new DateTimeOffset(2026, 12, 4, 23, 59, 59, China), "4200000001202612040000000001", "T20261204000001", "REFUND",
                    990, "50300000012026120400000001", "R20261204000001", 500, "PROCESSING", -3, "order-1"),
            ],
            statement.Rows);
        Assert.Equal(new StatementSummary(2, 990, 500, 0, 3, 990, 500), statement.Summary);
    }

    [Fact]
    public void A_day_without_trades_has_no_rows_and_zero_totals()
    {
        var empty = Bill.Split("\r\n")[0] + "\n总交易单数,应结订单总金额,退款总金额,充值券退款总金额,手续费总金额,订单总金额,申请退款总金额\n`0,`0.00,`0.00,`0.00,`0.00,`0.00,`0.00\n";

        var statement = StatementParser.Parse(empty, Day);

        Assert.Empty(statement.Rows);
        Assert.Equal(new StatementSummary(0, 0, 0, 0, 0, 0, 0), statement.Summary);
    }

    [Theory]
    [InlineData("`9.90,`0.00,`0", "`9.999,`0.00,`0")]
    [InlineData("`9.90,`0.00,`0", "`9,90,`0.00,`0")]
    [InlineData("`2026-12-04 10:01:02", "`2026/12/04 10:01:02")]
    [InlineData("总交易单数", "Total")]
    public void A_file_that_is_not_a_bill_is_refused(string part, string replacement)
    {
        var index = Bill.IndexOf(part, StringComparison.Ordinal);
        var broken = string.Concat(Bill.AsSpan(0, index), replacement, Bill.AsSpan(index + part.Length));

        Assert.Throws<FormatException>(() => StatementParser.Parse(broken, Day));
    }

    [Fact]
    public async Task The_gateway_downloads_the_bill_it_was_told_of_and_checks_its_hash()
    {
        var file = Encoding.UTF8.GetBytes(Bill);
        var hash = Convert.ToHexStringLower(SHA1.HashData(file));
        using var gateway = new FakeGateway(request => request.PathAndQuery switch
        {
            "/wechat/v3/bill/tradebill?bill_date=2026-12-04&bill_type=ALL" =>
                FakeGateway.Json(HttpStatusCode.OK, $$"""{"hash_type":"SHA1","hash_value":"{{hash}}","download_url":"http://gateway.test/wechat/v3/billdownload/file?token=t1"}"""),
            "/wechat/v3/billdownload/file?token=t1" => new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(file) },
            _ => FakeGateway.Error(HttpStatusCode.NotFound, "NOT_FOUND"),
        });
        using var http = new HttpClient(gateway, disposeHandler: false) { BaseAddress = new Uri("http://gateway.test/") };
        var client = new WeChatPayGateway("wechat", "1900000001", http);

        var statement = await client.DownloadStatementAsync(Day, CancellationToken.None);
        Assert.Equal(2, statement.Rows.Count);
        Assert.Equal(3, statement.Summary.FeeFen);

        file[^3] = (byte)'1';
        var mismatch = await Assert.ThrowsAsync<GatewayProtocolException>(() => client.DownloadStatementAsync(Day, CancellationToken.None));
        Assert.Equal("statement_hash_mismatch", mismatch.Code);
    }
}
