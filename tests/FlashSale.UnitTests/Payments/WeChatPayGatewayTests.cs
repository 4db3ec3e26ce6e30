using System.Net;
using System.Text.Json;
using FlashSale.Grains.Payments;

namespace FlashSale.UnitTests.Payments;

/// <summary>The client's requests as PROTOCOL.md shapes them, and each answer mapped to a result or to which exception.</summary>
public sealed class WeChatPayGatewayTests : IDisposable
{
    private readonly FakeGateway _gateway = new(FakeGateway.CodeUrl);
    private readonly HttpClient _http;
    private readonly WeChatPayGateway _client;

    public WeChatPayGatewayTests()
    {
        _http = new HttpClient(_gateway) { BaseAddress = new Uri("http://gateway.test/"), Timeout = TimeSpan.FromMilliseconds(200) };
        _client = new WeChatPayGateway("wechat", "1900000001", _http);
    }

    public void Dispose() => _http.Dispose();

    private static readonly GatewayPaymentRequest Payment = new("T20261204000001", "Coupon", 990,
        new DateTimeOffset(2026, 12, 4, 2, 5, 0, 123, TimeSpan.Zero), "order-1", "https://api.flashsale.test/api/payments/notifications/wechat");

    private void Answer(HttpStatusCode status, string json) => _gateway.Respond = _ => FakeGateway.Json(status, json);

    private void AnswerError(HttpStatusCode status, string code) => _gateway.Respond = _ => FakeGateway.Error(status, code);

    [Fact]
    public async Task Create_posts_the_native_order_in_snake_case_with_the_expiry_at_plus_eight()
    {
        var url = await _client.CreateAsync(Payment, CancellationToken.None);

        Assert.Equal("http://sandbox/pay/wechat/v3/pay/transactions/native", url);
        var sent = Assert.Single(_gateway.Requests);
        Assert.Equal(HttpMethod.Post, sent.Method);
        using var body = JsonDocument.Parse(sent.Body);
        var root = body.RootElement;
        Assert.Equal("1900000001", root.GetProperty("mchid").GetString());
        Assert.Equal("T20261204000001", root.GetProperty("out_trade_no").GetString());
        Assert.Equal("Coupon", root.GetProperty("description").GetString());
        Assert.Equal("2026-12-04T10:05:00+08:00", root.GetProperty("time_expire").GetString());
        Assert.Equal("order-1", root.GetProperty("attach").GetString());
        Assert.Equal(Payment.NotifyUrl, root.GetProperty("notify_url").GetString());
        Assert.Equal(990, root.GetProperty("amount").GetProperty("total").GetInt64());
        Assert.Equal("CNY", root.GetProperty("amount").GetProperty("currency").GetString());
    }

    [Theory]
    [InlineData(HttpStatusCode.BadRequest, "ORDER_CLOSED")]
    [InlineData(HttpStatusCode.BadRequest, "ORDERPAID")]
    [InlineData(HttpStatusCode.Forbidden, "OUT_TRADE_NO_USED")]
    [InlineData(HttpStatusCode.BadRequest, "PARAM_ERROR")]
    public async Task A_refused_create_carries_the_gateway_s_code(HttpStatusCode status, string code)
    {
        AnswerError(status, code);

        var refused = await Assert.ThrowsAsync<GatewayRefusedException>(() => _client.CreateAsync(Payment, CancellationToken.None));
        Assert.Equal(code, refused.Code);
        Assert.Equal((int)status, refused.Status);
        Assert.Equal("wechat", refused.Channel);
    }

    [Fact]
    public async Task Query_reads_the_trade_and_null_when_the_gateway_has_none()
    {
        Answer(HttpStatusCode.OK, """
            {"mchid":"1900000001","out_trade_no":"T1","transaction_id":"4200000001","trade_type":"NATIVE","trade_state":"REFUND",
             "trade_state_desc":"转入退款","success_time":"2026-12-04T10:00:01+08:00","attach":"a","amount":{"total":990,"payer_total":990,"currency":"CNY"}}
            """);
        var trade = await _client.QueryAsync("T1", CancellationToken.None);
        Assert.Equal(new GatewayTrade("T1", "4200000001", TradeState.Refund, new DateTimeOffset(2026, 12, 4, 2, 0, 1, TimeSpan.Zero), 990, "a"), trade);
        Assert.Equal("/wechat/v3/pay/transactions/out-trade-no/T1?mchid=1900000001", _gateway.Requests[^1].PathAndQuery);

        Answer(HttpStatusCode.OK, """{"out_trade_no":"T2","trade_state":"NOTPAY","amount":{"total":1}}""");
        Assert.Equal(new GatewayTrade("T2", null, TradeState.NotPay, null, 1, ""), await _client.QueryAsync("T2", CancellationToken.None));

        AnswerError(HttpStatusCode.NotFound, "ORDER_NOT_EXIST");
        Assert.Null(await _client.QueryAsync("T3", CancellationToken.None));
    }

    [Fact]
    public async Task A_404_that_is_not_about_the_trade_is_not_taken_for_no_trade()
    {
        // What the sandbox answers for a channel it does not serve: "no such trade" would hide a paid one.
        _gateway.Respond = _ => new HttpResponseMessage(HttpStatusCode.NotFound);

        await Assert.ThrowsAsync<GatewayRefusedException>(() => _client.QueryAsync("T1", CancellationToken.None));
        await Assert.ThrowsAsync<GatewayRefusedException>(() => _client.CloseAsync("T1", CancellationToken.None));
        await Assert.ThrowsAsync<GatewayRefusedException>(() => _client.QueryRefundAsync("R1", CancellationToken.None));
    }

    [Theory]
    [InlineData(HttpStatusCode.NoContent, null, CloseOutcome.Closed)]
    [InlineData(HttpStatusCode.BadRequest, "ORDERPAID", CloseOutcome.AlreadyPaid)]
    [InlineData(HttpStatusCode.NotFound, "ORDER_NOT_EXIST", CloseOutcome.NotFound)]
    public async Task Close_maps_each_answer(HttpStatusCode status, string? code, CloseOutcome outcome)
    {
        _gateway.Respond = _ => code is null ? new HttpResponseMessage(status) : FakeGateway.Error(status, code);

        Assert.Equal(outcome, await _client.CloseAsync("T1", CancellationToken.None));
        var sent = _gateway.Requests[^1];
        Assert.Equal("/wechat/v3/pay/transactions/out-trade-no/T1/close", sent.PathAndQuery);
        Assert.Equal("""{"mchid":"1900000001"}""", sent.Body);
    }

    [Fact]
    public async Task Refund_sends_the_amounts_and_reads_the_refund()
    {
        Answer(HttpStatusCode.OK, """
            {"refund_id":"5030000001","out_refund_no":"R1","out_trade_no":"T1","status":"PROCESSING","create_time":"2026-12-04T10:00:00+08:00",
             "amount":{"refund":500,"total":990,"currency":"CNY"}}
            """);

        var refund = await _client.RefundAsync(new GatewayRefundRequest("T1", "R1", "sold out", "https://api.flashsale.test/n", 500, 990), CancellationToken.None);

        Assert.Equal(new GatewayRefund("R1", "5030000001", RefundStatus.Processing, null, 500), refund);
        using var body = JsonDocument.Parse(_gateway.Requests[^1].Body);
        Assert.Equal("R1", body.RootElement.GetProperty("out_refund_no").GetString());
        Assert.Equal(500, body.RootElement.GetProperty("amount").GetProperty("refund").GetInt64());
        Assert.Equal(990, body.RootElement.GetProperty("amount").GetProperty("total").GetInt64());

        AnswerError(HttpStatusCode.BadRequest, "TRADE_NOT_PAID");
        var refused = await Assert.ThrowsAsync<GatewayRefusedException>(
            () => _client.RefundAsync(new GatewayRefundRequest("T2", "R2", "x", "https://api.flashsale.test/n", 1, 1), CancellationToken.None));
        Assert.Equal("TRADE_NOT_PAID", refused.Code);

        AnswerError(HttpStatusCode.NotFound, "RESOURCE_NOT_EXISTS");
        Assert.Null(await _client.QueryRefundAsync("R3", CancellationToken.None));
    }

    [Fact]
    public async Task A_5xx_a_lost_connection_and_a_timeout_are_the_channel_being_unavailable()
    {
        AnswerError(HttpStatusCode.ServiceUnavailable, "SYSTEM_ERROR");
        Assert.Equal("SYSTEM_ERROR", (await Assert.ThrowsAsync<GatewayUnavailableException>(() => _client.QueryAsync("T1", CancellationToken.None))).Code);

        _gateway.Respond = _ => throw new HttpRequestException("Connection refused");
        Assert.Equal("connection_failed", (await Assert.ThrowsAsync<GatewayUnavailableException>(() => _client.QueryAsync("T1", CancellationToken.None))).Code);

        _gateway.Respond = FakeGateway.CodeUrl;
        _gateway.Delay = TimeSpan.FromSeconds(5);
        Assert.Equal("timeout", (await Assert.ThrowsAsync<GatewayUnavailableException>(() => _client.QueryAsync("T1", CancellationToken.None))).Code);
    }

    [Fact]
    public async Task The_caller_s_own_cancellation_is_not_unavailability()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _client.QueryAsync("T1", cancelled.Token));
    }

    [Fact]
    public async Task An_answer_that_does_not_parse_is_a_protocol_error_not_unavailability()
    {
        Answer(HttpStatusCode.OK, """{"code_url":""}""");
        await Assert.ThrowsAsync<GatewayProtocolException>(() => _client.CreateAsync(Payment, CancellationToken.None));

        Answer(HttpStatusCode.OK, "<html>");
        await Assert.ThrowsAsync<GatewayProtocolException>(() => _client.QueryAsync("T1", CancellationToken.None));
    }
}
