using Microsoft.Extensions.Options;

namespace FlashSale.Grains.Payments;

/// <summary>
/// The configured channels, each with its own HttpClient (one connection pool per gateway, so that a
/// slow gateway cannot hold the connections another needs) and its plain gateway client. Read once:
/// changing channels takes a restart.
/// </summary>
public sealed class PaymentChannels : IDisposable
{
    private readonly Dictionary<string, Channel> _channels = new(StringComparer.Ordinal);

    public PaymentChannels(IOptions<PaymentChannelOptions> options)
        : this(options.Value, _ => new SocketsHttpHandler
        {
            ConnectTimeout = options.Value.RequestTimeout,
            // DNS changes of the gateway's host are seen within this.
            PooledConnectionLifetime = TimeSpan.FromMinutes(2),
        })
    {
    }

    /// <summary>For tests: every channel's requests go to the handler made for it.</summary>
    internal PaymentChannels(PaymentChannelOptions options, Func<string, HttpMessageHandler> handlerFor)
    {
        Options = options;
        foreach (var (name, settings) in options.Channels)
        {
            var baseUrl = settings.BaseUrl.EndsWith('/') ? settings.BaseUrl : settings.BaseUrl + "/";
            var http = new HttpClient(handlerFor(name), disposeHandler: true) { BaseAddress = new Uri(baseUrl), Timeout = options.RequestTimeout };
            http.DefaultRequestHeaders.Accept.ParseAdd("application/json");
            // WeChat refuses requests without a User-Agent.
            http.DefaultRequestHeaders.UserAgent.ParseAdd("FlashSale-Payments/1.0");
            _channels.Add(name, new Channel(name, settings, http, new WeChatPayGateway(name, settings.MchId, http)));
        }
    }

    public PaymentChannelOptions Options { get; }

    /// <summary>Every configured channel's name, enabled or not.</summary>
    public IEnumerable<string> Names => _channels.Keys;

    public bool Contains(string channel) => _channels.ContainsKey(channel);

    public PaymentChannelSettings SettingsOf(string channel) => Get(channel).Settings;

    internal HttpClient HttpOf(string channel) => Get(channel).Http;

    /// <summary>The channel's client without a breaker (the router's pipelines wrap these).</summary>
    internal IPaymentGateway GatewayOf(string channel) => Get(channel).Gateway;

    public void Dispose()
    {
        foreach (var channel in _channels.Values)
        {
            channel.Http.Dispose();
        }
    }

    private Channel Get(string channel) =>
        _channels.TryGetValue(channel, out var found) ? found : throw new ArgumentException($"No payment channel '{channel}' is configured.", nameof(channel));

    private sealed record Channel(string Name, PaymentChannelSettings Settings, HttpClient Http, IPaymentGateway Gateway);
}
