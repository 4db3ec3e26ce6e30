using FlashSale.Grains.Payments;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Polly.CircuitBreaker;

namespace FlashSale.UnitTests.Payments;

/// <summary>The <c>Payments</c> section as appsettings.json or the environment spells it, bound and checked.</summary>
public sealed class PaymentsRegistrationTests
{
    private static readonly Dictionary<string, string?> Settings = new(StringComparer.Ordinal)
    {
        ["Payments:NotifyBaseUrl"] = "https://api.flashsale.test/",
        ["Payments:RequestTimeout"] = "00:00:02",
        ["Payments:Breaker:MinimumThroughput"] = "6",
        ["Payments:Breaker:BreakDuration"] = "00:00:30",
        ["Payments:Channels:wechat:BaseUrl"] = "http://127.0.0.1:5090",
        ["Payments:Channels:wechat:MchId"] = "1900000001",
        ["Payments:Channels:wechat:ApiV3Key"] = TestChannels.ApiV3Key,
        ["Payments:Channels:wechat:FeeRate"] = "0.006",
        ["Payments:Channels:alipay:BaseUrl"] = "http://127.0.0.1:5090",
        ["Payments:Channels:alipay:MchId"] = "2088000001",
        ["Payments:Channels:alipay:ApiV3Key"] = TestChannels.ApiV3Key,
        ["Payments:Channels:alipay:FeeRate"] = "0.0055",
        ["Payments:Channels:alipay:Priority"] = "2",
        ["Payments:Channels:alipay:MaxAmountFen"] = "500000",
        ["Payments:Channels:alipay:Tiers:0"] = "gold",
        ["Payments:Channels:alipay:Enabled"] = "false",
    };

    private static ServiceProvider Services(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddLogging().AddPaymentGateways(configuration.GetSection("Payments")).BuildServiceProvider();
    }

    [Fact]
    public void The_section_binds_to_the_options_and_the_router_has_every_channel()
    {
        using var services = Services(Settings);

        var options = services.GetRequiredService<IOptions<PaymentChannelOptions>>().Value;
        Assert.Equal(TimeSpan.FromSeconds(2), options.RequestTimeout);
        Assert.Equal(6, options.Breaker.MinimumThroughput);
        Assert.Equal(0.5, options.Breaker.FailureRatio);
        var alipay = options.Channels["alipay"];
        Assert.Equal((0.0055m, 2, 1L, 500000L, false), (alipay.FeeRate, alipay.Priority, alipay.MinAmountFen, alipay.MaxAmountFen, alipay.Enabled));
        Assert.Equal(["gold"], alipay.Tiers);
        Assert.True(options.Channels["wechat"].Enabled);
        Assert.Empty(options.Channels["wechat"].Tiers);

        var router = services.GetRequiredService<PaymentRouter>();
        Assert.Equal([new ChannelHealth("alipay", false, CircuitState.Closed), new ChannelHealth("wechat", true, CircuitState.Closed)], router.Health());
        Assert.Equal("https://api.flashsale.test/api/payments/notifications/wechat", router.NotifyUrlFor("wechat"));
        Assert.Same(services.GetRequiredService<NotificationVerifier>(), services.GetRequiredService<NotificationVerifier>());
    }

    [Theory]
    [InlineData("Payments:Channels:wechat:ApiV3Key", "too-short", "Payments:Channels:wechat:ApiV3Key")]
    [InlineData("Payments:Channels:wechat:BaseUrl", "127.0.0.1:5090", "Payments:Channels:wechat:BaseUrl")]
    [InlineData("Payments:Channels:wechat:MinAmountFen", "0", "Payments:Channels:wechat")]
    [InlineData("Payments:NotifyBaseUrl", "", "Payments:NotifyBaseUrl")]
    [InlineData("Payments:Breaker:FailureRatio", "0", "Payments:Breaker:FailureRatio")]
    public void A_bad_setting_is_refused_by_its_key(string key, string value, string named)
    {
        using var services = Services(new Dictionary<string, string?>(Settings, StringComparer.Ordinal) { [key] = value });

        var failure = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<PaymentChannelOptions>>().Value);
        Assert.Contains(failure.Failures, f => f.StartsWith(named, StringComparison.Ordinal));
    }

    [Fact]
    public void A_silo_without_channels_needs_no_notify_url_and_routes_nothing()
    {
        using var services = Services(new Dictionary<string, string?>(StringComparer.Ordinal));

        Assert.Empty(services.GetRequiredService<IOptions<PaymentChannelOptions>>().Value.Channels);
        Assert.Empty(services.GetRequiredService<PaymentRouter>().Channels);
    }
}
