using System.Globalization;
using System.Net;
using System.Text;
using FlashSale.Grains.Payments;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace FlashSale.UnitTests.Payments;

/// <summary>Notifications signed with a fresh platform key, checked as WeChat Pay v3 asks (signature over the raw bytes, 5-minute window, serial lookup).</summary>
public sealed class NotificationVerifierTests : IDisposable
{
    private const string MchId = "1900000001";
    private const string Nonce = "n0nce0n0nce0n0nce0n0nce0n0nce01";

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 4, 2, 0, 0, TimeSpan.Zero));
    private readonly PlatformKey _key = new();
    private readonly PlatformKey _rotated = new();
    private readonly FakeGateway _gateway;
    private readonly PaymentChannels _channels;
    private readonly NotificationVerifier _verifier;

    public NotificationVerifierTests()
    {
        // The gateway lists the first key only, until a test rotates it.
        _gateway = new FakeGateway(_ => FakeGateway.Json(HttpStatusCode.OK, Seal.Certificates(TestChannels.ApiV3Key, _key)));
        _channels = new PaymentChannels(TestChannels.Options(("wechat", TestChannels.Channel(mchId: MchId))), _ => _gateway);
        _verifier = new NotificationVerifier(_channels, new PlatformKeys(_channels, _clock, NullLogger<PlatformKeys>.Instance), _clock);
    }

    public void Dispose()
    {
        _channels.Dispose();
        _key.Dispose();
        _rotated.Dispose();
    }

    private int CertificateFetches => _gateway.Count("/wechat/v3/certificates");

    private string Now => _clock.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

    private static byte[] TransactionBody(string mchId = MchId, string apiV3Key = TestChannels.ApiV3Key)
    {
        var trade = $$$"""
            {"mchid":"{{{mchId}}}","out_trade_no":"T20261204000001","transaction_id":"4200000001","trade_type":"NATIVE",
             "trade_state":"SUCCESS","trade_state_desc":"支付成功","success_time":"2026-12-04T10:00:01+08:00","attach":"order-1",
             "amount":{"total":990,"payer_total":990,"currency":"CNY"}}
            """;
        return Envelope("TRANSACTION.SUCCESS", "transaction", Seal.Encrypt(apiV3Key, "resnonce0001", "transaction", trade));
    }

    private static byte[] Envelope(string eventType, string originalType, string ciphertext) => Encoding.UTF8.GetBytes($$$"""
        {"id":"5f2c0b7e-8d7c-4a57-a1a4-4f3f7c1d1e01","create_time":"2026-12-04T10:00:02+08:00","resource_type":"encrypt-resource",
         "event_type":"{{{eventType}}}","summary":"支付成功",
         "resource":{"original_type":"{{{originalType}}}","algorithm":"AEAD_AES_256_GCM","ciphertext":"{{{ciphertext}}}",
           "associated_data":"{{{originalType}}}","nonce":"resnonce0001"}}
        """);

    private NotificationHeaders Signed(byte[] body, PlatformKey? key = null, string? timestamp = null)
    {
        key ??= _key;
        timestamp ??= Now;
        return new NotificationHeaders(key.Serial, key.Sign(timestamp, Nonce, body), timestamp, Nonce);
    }

    private Task<NotificationVerdict> VerifyAsync(NotificationHeaders headers, byte[] body, string channel = "wechat") =>
        _verifier.VerifyAsync(channel, headers, body, CancellationToken.None);

    [Fact]
    public async Task A_well_signed_payment_notification_is_verified_and_its_trade_decrypted()
    {
        var body = TransactionBody();

        var verdict = await VerifyAsync(Signed(body), body);

        Assert.True(verdict.Verified, verdict.Refusal);
        var notification = verdict.Notification;
        Assert.Equal("5f2c0b7e-8d7c-4a57-a1a4-4f3f7c1d1e01", notification.Id);
        Assert.Equal("TRANSACTION.SUCCESS", notification.EventType);
        Assert.Equal(Nonce, notification.Nonce);
        Assert.Equal(_clock.GetUtcNow(), notification.Timestamp);
        Assert.Equal("T20261204000001", notification.OutTradeNo);
        Assert.Equal(
            new GatewayTrade("T20261204000001", "4200000001", TradeState.Success, new DateTimeOffset(2026, 12, 4, 10, 0, 1, TimeSpan.FromHours(8)), 990, "order-1"),
            notification.Trade);
        Assert.Null(notification.Refund);
        Assert.Equal(1, CertificateFetches);
    }

    [Fact]
    public async Task A_refund_notification_gives_the_refund_and_its_trade()
    {
        var refund = $$$"""
            {"mchid":"{{{MchId}}}","out_trade_no":"T20261204000001","transaction_id":"4200000001","out_refund_no":"R1","refund_id":"5030000001",
             "refund_status":"SUCCESS","success_time":"2026-12-04T10:05:00+08:00","amount":{"total":990,"refund":500,"payer_total":990,"payer_refund":500}}
            """;
        var body = Envelope("REFUND.SUCCESS", "refund", Seal.Encrypt(TestChannels.ApiV3Key, "resnonce0001", "refund", refund));

        var verdict = await VerifyAsync(Signed(body), body);

        Assert.True(verdict.Verified, verdict.Refusal);
        Assert.Equal("T20261204000001", verdict.Notification.OutTradeNo);
        Assert.Null(verdict.Notification.Trade);
        Assert.Equal(new GatewayRefund("R1", "5030000001", RefundStatus.Success, new DateTimeOffset(2026, 12, 4, 10, 5, 0, TimeSpan.FromHours(8)), 500),
            verdict.Notification.Refund);
    }

    [Fact]
    public async Task One_flipped_byte_of_the_body_fails_the_signature()
    {
        var body = TransactionBody();
        var headers = Signed(body);
        // A byte of the id: the JSON still parses, only the signature can tell.
        var at = Encoding.UTF8.GetString(body).IndexOf("5f2c", StringComparison.Ordinal);
        body[at] ^= 0x01;

        Assert.Equal(NotificationRefusals.BadSignature, (await VerifyAsync(headers, body)).Refusal);
    }

    [Fact]
    public async Task A_signature_probe_is_refused_without_asking_for_certificates()
    {
        var body = TransactionBody();
        var probe = Signed(body) with { Signature = "WECHATPAY/SIGNTEST/" + Convert.ToBase64String(new byte[256]) };

        Assert.Equal(NotificationRefusals.BadSignature, (await VerifyAsync(probe, body)).Refusal);
        Assert.Equal(0, CertificateFetches);
    }

    [Theory]
    [InlineData(-300, NotificationRefusals.StaleTimestamp)]
    [InlineData(300, NotificationRefusals.StaleTimestamp)]
    [InlineData(-299, null)]
    [InlineData(299, null)]
    public async Task A_timestamp_five_minutes_or_more_away_from_now_is_stale(int secondsFromNow, string? refusal)
    {
        var body = TransactionBody();
        var timestamp = (_clock.GetUtcNow().ToUnixTimeSeconds() + secondsFromNow).ToString(CultureInfo.InvariantCulture);

        Assert.Equal(refusal, (await VerifyAsync(Signed(body, timestamp: timestamp), body)).Refusal);
    }

    [Fact]
    public async Task An_unknown_serial_fetches_the_certificates_again_at_most_once_per_interval()
    {
        var body = TransactionBody();
        Assert.True((await VerifyAsync(Signed(body), body)).Verified);
        Assert.Equal(1, CertificateFetches);

        // The gateway rotates its key: the new serial is fetched for once the interval since the last fetch has passed.
        _gateway.Respond = _ => FakeGateway.Json(HttpStatusCode.OK, Seal.Certificates(TestChannels.ApiV3Key, _key, _rotated));
        Assert.Equal(NotificationRefusals.UnknownSerial, (await VerifyAsync(Signed(body, _rotated), body)).Refusal);
        Assert.Equal(1, CertificateFetches);

        _clock.Advance(PlatformKeys.RefetchInterval);
        Assert.True((await VerifyAsync(Signed(body, _rotated), body)).Verified);
        Assert.Equal(2, CertificateFetches);

        // Known serials need no fetch; a made-up one gets one fetch per interval, however often it comes.
        Assert.True((await VerifyAsync(Signed(body), body)).Verified);
        var madeUp = Signed(body) with { Serial = "0123456789ABCDEF0123456789ABCDEF" };
        _clock.Advance(PlatformKeys.RefetchInterval);
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(NotificationRefusals.UnknownSerial, (await VerifyAsync(madeUp, body)).Refusal);
        }

        Assert.Equal(3, CertificateFetches);
    }

    [Fact]
    public async Task Certificates_that_cannot_be_fetched_make_the_serial_unknown()
    {
        _gateway.Respond = _ => FakeGateway.Error(HttpStatusCode.ServiceUnavailable, "SYSTEM_ERROR");
        var body = TransactionBody();

        Assert.Equal(NotificationRefusals.UnknownSerial, (await VerifyAsync(Signed(body), body)).Refusal);
    }

    [Fact]
    public async Task Certificates_encrypted_with_another_key_are_not_trusted()
    {
        _gateway.Respond = _ => FakeGateway.Json(HttpStatusCode.OK, Seal.Certificates("someone-else-s-apiv3-key-0000000", _key));
        var body = TransactionBody();

        Assert.Equal(NotificationRefusals.UnknownSerial, (await VerifyAsync(Signed(body), body)).Refusal);
    }

    [Fact]
    public async Task A_signed_body_whose_resource_does_not_decrypt_is_malformed()
    {
        var body = TransactionBody(apiV3Key: "someone-else-s-apiv3-key-0000000");

        Assert.Equal(NotificationRefusals.Malformed, (await VerifyAsync(Signed(body), body)).Refusal);
    }

    [Fact]
    public async Task A_trade_of_another_merchant_is_refused()
    {
        var body = TransactionBody(mchId: "1900000999");

        Assert.Equal(NotificationRefusals.WrongMerchant, (await VerifyAsync(Signed(body), body)).Refusal);
    }

    [Fact]
    public async Task Missing_headers_and_unknown_channels_are_refused_before_any_fetch()
    {
        var body = TransactionBody();

        Assert.Equal(NotificationRefusals.Malformed, (await VerifyAsync(Signed(body) with { Nonce = null }, body)).Refusal);
        Assert.Equal(NotificationRefusals.Malformed, (await VerifyAsync(Signed(body) with { Timestamp = "soon" }, body)).Refusal);
        Assert.Equal(NotificationRefusals.UnknownChannel, (await VerifyAsync(Signed(body), body, "alipay")).Refusal);
        Assert.Equal(0, CertificateFetches);
    }
}
