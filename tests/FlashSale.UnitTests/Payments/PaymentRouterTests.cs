using System.Net;
using System.Text.Json;
using FlashSale.Grains.Payments;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Polly.CircuitBreaker;

namespace FlashSale.UnitTests.Payments;

/// <summary>
/// The strategy engine over fake gateways and a fake clock: which channels may take an order, in which
/// order they are tried, and each channel's breaker (minimum throughput 4, ratio 0.5, break 5 s).
/// </summary>
public sealed class PaymentRouterTests : IDisposable
{
    private static readonly TimeSpan BreakDuration = TimeSpan.FromSeconds(5);

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 4, 2, 0, 0, TimeSpan.Zero));
    private readonly Dictionary<string, FakeGateway> _gateways = new(StringComparer.Ordinal);
    private PaymentChannels? _channels;
    private int _orders;

    public void Dispose() => _channels?.Dispose();

    private PaymentRouter Router(params (string Name, PaymentChannelSettings Settings)[] channels)
    {
        foreach (var (name, _) in channels)
        {
            _gateways[name] = new FakeGateway(FakeGateway.CodeUrl);
        }

        _channels = new PaymentChannels(TestChannels.Options(channels), name => _gateways[name]);
        return new PaymentRouter(_channels, _clock, NullLogger<PaymentRouter>.Instance);
    }

    // Two channels: "cheap" is tried first, "backup" takes what it cannot.
    private PaymentRouter CheapAndBackup() => Router(("cheap", TestChannels.Channel(feeRate: 0.005m)), ("backup", TestChannels.Channel(feeRate: 0.006m)));

    private PaymentOrder Order(long amountFen = 990, string? tier = null) =>
        new($"T2026120400{++_orders:0000}", "Coupon", amountFen, _clock.GetUtcNow().AddMinutes(5), "order", tier);

    private Task<RouteDecision> RouteAsync(PaymentRouter router, long amountFen = 990, string? tier = null) =>
        router.RouteAsync(Order(amountFen, tier), CancellationToken.None);

    private static string Reasons(RouteDecision decision) => string.Join(' ', decision.Considered.Select(c => $"{c.Channel}:{c.Reason}"));

    private static CircuitState StateOf(PaymentRouter router, string channel) => router.Health().Single(h => h.Channel == channel).State;

    private void Fail(string channel) => _gateways[channel].Respond = _ => FakeGateway.Error(HttpStatusCode.ServiceUnavailable, "SYSTEM_ERROR");

    private int Calls(string channel) => _gateways[channel].Requests.Count;

    [Fact]
    public async Task The_cheapest_channel_is_tried_first_and_priority_breaks_ties_of_fee()
    {
        var router = Router(
            ("a", TestChannels.Channel(feeRate: 0.006m, priority: 0)),
            ("b", TestChannels.Channel(feeRate: 0.0055m, priority: 2)),
            ("c", TestChannels.Channel(feeRate: 0.0055m, priority: 1)));

        var decision = await RouteAsync(router, 990);

        Assert.Equal("c", decision.Channel);
        Assert.Equal("http://sandbox/pay/c/v3/pay/transactions/native", decision.PayUrl);
        Assert.Equal("c:chosen b:not_tried a:not_tried", Reasons(decision));
        Assert.Equal([5.445m, 5.445m, 5.94m], decision.Considered.Select(c => c.FeeFen));
        Assert.Equal((0, 0, 1), (Calls("a"), Calls("b"), Calls("c")));
        using var body = JsonDocument.Parse(_gateways["c"].Requests[0].Body);
        Assert.Equal("https://api.flashsale.test/api/payments/notifications/c", body.RootElement.GetProperty("notify_url").GetString());
    }

    [Fact]
    public async Task Channels_are_passed_over_for_amount_tier_and_being_disabled()
    {
        var router = Router(
            ("small", TestChannels.Channel(feeRate: 0.001m, maxAmountFen: 500)),
            ("big", TestChannels.Channel(feeRate: 0.001m, minAmountFen: 1000)),
            ("gold", TestChannels.Channel(feeRate: 0.002m, tiers: ["gold"])),
            ("off", TestChannels.Channel(feeRate: 0m, enabled: false)),
            ("open", TestChannels.Channel(feeRate: 0.006m)));

        Assert.Equal("open:chosen big:amount_out_of_range gold:tier_not_allowed off:disabled small:amount_out_of_range",
            Reasons(await RouteAsync(router, 990)));
        Assert.Equal("gold:chosen open:not_tried big:amount_out_of_range off:disabled small:amount_out_of_range",
            Reasons(await RouteAsync(router, 990, "gold")));
        Assert.Equal("small:chosen open:not_tried big:amount_out_of_range gold:tier_not_allowed off:disabled",
            Reasons(await RouteAsync(router, 500, "silver")));
        Assert.Equal("big:chosen open:not_tried gold:tier_not_allowed off:disabled small:amount_out_of_range",
            Reasons(await RouteAsync(router, 1000, "silver")));
        Assert.Equal(0, Calls("off"));
    }

    [Fact]
    public async Task No_channel_that_may_take_the_order_is_a_decision_without_one()
    {
        var router = Router(("gold", TestChannels.Channel(tiers: ["gold"])), ("off", TestChannels.Channel(enabled: false)));

        var decision = await RouteAsync(router);

        Assert.Null(decision.Channel);
        Assert.Null(decision.PayUrl);
        Assert.Equal("gold:tier_not_allowed off:disabled", Reasons(decision));
    }

    [Fact]
    public async Task A_failing_channel_opens_its_breaker_after_the_minimum_throughput_and_orders_go_to_the_next()
    {
        var router = CheapAndBackup();
        Fail("cheap");

        for (var i = 1; i <= 4; i++)
        {
            // Below the minimum throughput the breaker stays closed, whatever the ratio.
            Assert.Equal(CircuitState.Closed, StateOf(router, "cheap"));
            var decision = await RouteAsync(router);
            Assert.Equal("backup", decision.Channel);
            Assert.Equal("cheap:failed backup:chosen", Reasons(decision));
            Assert.Equal("SYSTEM_ERROR", decision.Considered[0].Detail);
        }

        Assert.Equal(CircuitState.Open, StateOf(router, "cheap"));
        var afterOpen = await RouteAsync(router);
        Assert.Equal("cheap:breaker_open backup:chosen", Reasons(afterOpen));
        Assert.Equal(4, Calls("cheap"));
        Assert.Equal(5, Calls("backup"));
    }

    [Fact]
    public async Task After_the_break_one_order_probes_the_channel_and_its_success_closes_the_breaker()
    {
        var router = CheapAndBackup();
        Fail("cheap");
        for (var i = 0; i < 4; i++)
        {
            await RouteAsync(router);
        }

        _gateways["cheap"].Respond = FakeGateway.CodeUrl;
        _clock.Advance(BreakDuration - TimeSpan.FromMilliseconds(1));
        Assert.Equal("cheap:breaker_open backup:chosen", Reasons(await RouteAsync(router)));
        Assert.Equal(4, Calls("cheap"));

        _clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal("cheap:chosen backup:not_tried", Reasons(await RouteAsync(router)));
        Assert.Equal(5, Calls("cheap"));
        Assert.Equal(CircuitState.Closed, StateOf(router, "cheap"));
    }

    [Fact]
    public async Task A_failed_probe_opens_the_breaker_again_for_another_break()
    {
        var router = CheapAndBackup();
        Fail("cheap");
        for (var i = 0; i < 4; i++)
        {
            await RouteAsync(router);
        }

        _clock.Advance(BreakDuration);
        Assert.Equal("cheap:failed backup:chosen", Reasons(await RouteAsync(router)));
        Assert.Equal(CircuitState.Open, StateOf(router, "cheap"));
        Assert.Equal("cheap:breaker_open backup:chosen", Reasons(await RouteAsync(router)));
        Assert.Equal(5, Calls("cheap"));
    }

    [Fact]
    public async Task A_refusal_ends_the_routing_and_is_not_counted_as_a_failure()
    {
        var router = CheapAndBackup();
        _gateways["cheap"].Respond = _ => FakeGateway.Error(HttpStatusCode.Forbidden, "OUT_TRADE_NO_USED");

        for (var i = 0; i < 10; i++)
        {
            var decision = await RouteAsync(router);
            Assert.Null(decision.Channel);
            Assert.Equal("cheap:refused backup:not_tried", Reasons(decision));
            Assert.Equal("OUT_TRADE_NO_USED", decision.Considered[0].Detail);
        }

        Assert.Equal(CircuitState.Closed, StateOf(router, "cheap"));
        Assert.Equal(0, Calls("backup"));
    }

    [Fact]
    public async Task An_isolated_channel_takes_no_calls_until_an_admin_closes_its_breaker()
    {
        var router = CheapAndBackup();

        await router.IsolateAsync("cheap", CancellationToken.None);
        Assert.Equal(CircuitState.Isolated, StateOf(router, "cheap"));
        _clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal("cheap:breaker_open backup:chosen", Reasons(await RouteAsync(router)));
        var refused = await Assert.ThrowsAsync<GatewayUnavailableException>(() => router.For("cheap").QueryAsync("T1", CancellationToken.None));
        Assert.Equal("breaker_open", refused.Code);
        Assert.Equal(0, Calls("cheap"));

        await router.CloseCircuitAsync("cheap", CancellationToken.None);
        Assert.Equal(CircuitState.Closed, StateOf(router, "cheap"));
        Assert.Equal("cheap:chosen backup:not_tried", Reasons(await RouteAsync(router)));
    }

    [Fact]
    public async Task Calls_on_a_channel_s_trades_share_its_breaker_with_the_router()
    {
        var router = CheapAndBackup();
        Fail("cheap");
        var cheap = router.For("cheap");
        Assert.Equal("cheap", cheap.Channel);

        for (var i = 0; i < 4; i++)
        {
            Assert.Equal("SYSTEM_ERROR", (await Assert.ThrowsAsync<GatewayUnavailableException>(() => cheap.CloseAsync("T1", CancellationToken.None))).Code);
        }

        Assert.Equal(CircuitState.Open, StateOf(router, "cheap"));
        Assert.Equal("breaker_open", (await Assert.ThrowsAsync<GatewayUnavailableException>(() => cheap.QueryAsync("T1", CancellationToken.None))).Code);
        Assert.Equal("cheap:breaker_open backup:chosen", Reasons(await RouteAsync(router)));
        Assert.Equal(4, Calls("cheap"));
        Assert.Throws<ArgumentException>(() => router.For("nowhere"));
    }

    [Fact]
    public void Health_lists_every_channel_disabled_ones_too()
    {
        var router = Router(("on", TestChannels.Channel()), ("off", TestChannels.Channel(enabled: false)));

        Assert.Equal([new ChannelHealth("off", false, CircuitState.Closed), new ChannelHealth("on", true, CircuitState.Closed)], router.Health());
    }
}
