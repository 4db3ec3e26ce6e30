using System.Text;
using Microsoft.Extensions.Options;

namespace FlashSale.Grains.Payments;

/// <summary>Configuration section <c>Payments</c>: the channels FlashSale pays through, and how it treats them.</summary>
public sealed class PaymentChannelOptions
{
    public const string Section = "Payments";

    /// <summary>By channel name, the name being the first segment of the gateway's routes (<c>wechat</c>, <c>alipay</c>).</summary>
    public Dictionary<string, PaymentChannelSettings> Channels { get; set; } = [];

    /// <summary>The API's public base URL; a channel's notify_url is <c>{NotifyBaseUrl}/api/payments/notifications/{channel}</c>.</summary>
    public string NotifyBaseUrl { get; set; } = "";

    public PaymentBreakerSettings Breaker { get; set; } = new();

    /// <summary>The longest a call to a gateway may take, connecting included; past it the channel counts as unavailable.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(3);

    public string NotifyUrlFor(string channel) => $"{NotifyBaseUrl.TrimEnd('/')}/api/payments/notifications/{Uri.EscapeDataString(channel)}";
}

/// <summary>One channel: a merchant account at a gateway, and which orders may use it.</summary>
public sealed class PaymentChannelSettings
{
    /// <summary>The gateway's base URL; routes are <c>{BaseUrl}/{channel}/v3/…</c>.</summary>
    public string BaseUrl { get; set; } = "";

    public string MchId { get; set; } = "";

    /// <summary>32 ASCII characters shared with the gateway: it decrypts notifications and platform certificates.</summary>
    public string ApiV3Key { get; set; } = "";

    /// <summary>The gateway's fee as a fraction of the amount (0.006 = 0.6%).</summary>
    public decimal FeeRate { get; set; }

    /// <summary>Breaks ties of fee: the lower number is tried first.</summary>
    public int Priority { get; set; }

    public long MinAmountFen { get; set; } = 1;

    /// <summary>The largest amount the channel takes; none when null.</summary>
    public long? MaxAmountFen { get; set; }

    /// <summary>The shopper tiers that may use the channel; empty = every shopper, tier or not.</summary>
    public string[] Tiers { get; set; } = [];

    /// <summary>Off = no new payments; the trades already made through it can still be queried, closed and refunded.</summary>
    public bool Enabled { get; set; } = true;
}

/// <summary>Each channel's circuit breaker (Polly): opens when at least <see cref="FailureRatio"/> of at least <see cref="MinimumThroughput"/> calls in <see cref="SamplingDuration"/> found the channel unavailable.</summary>
public sealed class PaymentBreakerSettings
{
    public double FailureRatio { get; set; } = 0.5;

    public TimeSpan SamplingDuration { get; set; } = TimeSpan.FromSeconds(10);

    public int MinimumThroughput { get; set; } = 4;

    /// <summary>How long an open breaker refuses calls before it lets one through to probe.</summary>
    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromSeconds(5);
}

/// <summary>Checks <see cref="PaymentChannelOptions"/> when the host starts: each failure names its key as appsettings.json spells it.</summary>
internal sealed class PaymentChannelOptionsValidator : IValidateOptions<PaymentChannelOptions>
{
    public ValidateOptionsResult Validate(string? name, PaymentChannelOptions options)
    {
        var failures = Problems(options).ToList();
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    public static IEnumerable<string> Problems(PaymentChannelOptions options)
    {
        const string Root = PaymentChannelOptions.Section;
        // A silo without channels (free sales only) needs no notify URL.
        if (options.Channels.Count > 0 && (!IsHttpUrl(options.NotifyBaseUrl) || options.NotifyBaseUrl.Contains('?', StringComparison.Ordinal)))
        {
            yield return $"{Root}:NotifyBaseUrl: must be an absolute http(s) URL without a query string.";
        }

        if (options.RequestTimeout <= TimeSpan.Zero)
        {
            yield return $"{Root}:RequestTimeout: must be positive.";
        }

        // Polly's own limits, said at start rather than when the first pipeline is built.
        var breaker = options.Breaker;
        if (breaker.FailureRatio is <= 0 or > 1)
        {
            yield return $"{Root}:Breaker:FailureRatio: must be above 0 and at most 1.";
        }

        if (breaker.MinimumThroughput < 2)
        {
            yield return $"{Root}:Breaker:MinimumThroughput: must be 2 or more.";
        }

        if (breaker.SamplingDuration < TimeSpan.FromMilliseconds(500) || breaker.BreakDuration < TimeSpan.FromMilliseconds(500))
        {
            yield return $"{Root}:Breaker: SamplingDuration and BreakDuration must be at least 0.5 s.";
        }

        foreach (var (channel, settings) in options.Channels)
        {
            var key = $"{Root}:Channels:{channel}";
            if (channel.Length == 0 || !channel.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
            {
                yield return $"{key}: a channel's name is letters, digits, '-' and '_'.";
            }

            if (!IsHttpUrl(settings.BaseUrl))
            {
                yield return $"{key}:BaseUrl: must be an absolute http(s) URL.";
            }

            if (string.IsNullOrWhiteSpace(settings.MchId))
            {
                yield return $"{key}:MchId: is required.";
            }

            if (settings.ApiV3Key.Length != 32 || !Ascii.IsValid(settings.ApiV3Key))
            {
                yield return $"{key}:ApiV3Key: must be 32 ASCII characters.";
            }

            if (settings.FeeRate is < 0 or >= 1)
            {
                yield return $"{key}:FeeRate: must be at least 0 and below 1.";
            }

            if (settings.MinAmountFen < 1 || settings.MaxAmountFen < settings.MinAmountFen)
            {
                yield return $"{key}: MinAmountFen must be 1 or more, and MaxAmountFen at least MinAmountFen.";
            }
        }
    }

    private static bool IsHttpUrl(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
}
