using Microsoft.Extensions.Logging;
using Polly;
using Polly.CircuitBreaker;

namespace FlashSale.Grains.Payments;

/// <summary>An order to pay: the router picks the channel, and fills in that channel's notify_url.</summary>
public sealed record PaymentOrder(string OutTradeNo, string Description, long AmountFen, DateTimeOffset TimeExpire, string Attach, string? ShopperTier);

/// <summary>
/// Where an order went: the channel and its pay URL, or neither; and, for the audit, every configured
/// channel with why it was taken or passed over (<see cref="RouteReasons"/>), those tried first in the
/// order tried.
/// </summary>
public sealed record RouteDecision(string? Channel, string? PayUrl, IReadOnlyList<ChannelConsidered> Considered);

/// <param name="FeeFen">The amount × the channel's fee rate, exact (the ranking's first key).</param>
/// <param name="Detail">The error code for <c>failed</c> and <c>refused</c>.</param>
public sealed record ChannelConsidered(string Channel, string Reason, decimal FeeFen, string? Detail = null);

public static class RouteReasons
{
    public const string Chosen = "chosen";
    public const string AmountOutOfRange = "amount_out_of_range";
    public const string TierNotAllowed = "tier_not_allowed";
    public const string Disabled = "disabled";

    /// <summary>The breaker refused the call (open, or isolated by an admin) without the gateway being asked.</summary>
    public const string BreakerOpen = "breaker_open";

    /// <summary>
    /// The channel was unavailable (5xx, timeout, no connection) or answered what could not be read
    /// (<see cref="ChannelConsidered.Detail"/> has the code). The create may have reached it: the
    /// caller should close the order there (a close of a trade that does not exist is harmless).
    /// </summary>
    public const string Failed = "failed";

    /// <summary>
    /// The gateway said no (4xx, <see cref="ChannelConsidered.Detail"/> has its code): routing stops, for
    /// the gateway knows this order (<c>ORDERPAID</c>, <c>ORDER_CLOSED</c>, <c>OUT_TRADE_NO_USED</c>) or
    /// the request is wrong, and another channel would make a second trade of it or refuse it too.
    /// </summary>
    public const string Refused = "refused";

    /// <summary>Eligible, but ranked after the channel that took the order (or after a refusal).</summary>
    public const string NotTried = "not_tried";
}

/// <summary>A channel's breaker as Polly sees it. Open stays Open after its break until the next call probes (half-open).</summary>
public sealed record ChannelHealth(string Channel, bool Enabled, CircuitState State);

/// <summary>
/// The payment strategy engine: picks the channels that may take an order (enabled, amount within
/// range, tier allowed), ranks them by fee then priority, and tries them in turn until one gives a pay
/// URL. Every call to a channel, creates and the calls of <see cref="For"/> alike, goes through that
/// channel's circuit breaker, which counts only <see cref="GatewayUnavailableException"/>: a refusal is
/// an answer, the channel is up.
/// </summary>
public sealed class PaymentRouter
{
    private readonly PaymentChannels _channels;
    private readonly Dictionary<string, Breaker> _breakers = new(StringComparer.Ordinal);
    private readonly ILogger _logger;

    public PaymentRouter(PaymentChannels channels, TimeProvider clock, ILogger<PaymentRouter> logger)
    {
        _channels = channels;
        _logger = logger;
        var settings = channels.Options.Breaker;
        // Disabled channels get a breaker too: their trades are still queried, closed and refunded.
        foreach (var name in channels.Names)
        {
            var state = new CircuitBreakerStateProvider();
            var control = new CircuitBreakerManualControl();
            var pipeline = new ResiliencePipelineBuilder { Name = $"payments-{name}", TimeProvider = clock }
                .AddCircuitBreaker(new CircuitBreakerStrategyOptions
                {
                    FailureRatio = settings.FailureRatio,
                    SamplingDuration = settings.SamplingDuration,
                    MinimumThroughput = settings.MinimumThroughput,
                    BreakDuration = settings.BreakDuration,
                    ShouldHandle = new PredicateBuilder().Handle<GatewayUnavailableException>(),
                    StateProvider = state,
                    ManualControl = control,
                    OnOpened = args =>
                    {
                        PaymentsLog.BreakerOpened(logger, name, args.BreakDuration, args.IsManual);
                        return default;
                    },
                    OnHalfOpened = _ =>
                    {
                        PaymentsLog.BreakerHalfOpened(logger, name);
                        return default;
                    },
                    OnClosed = args =>
                    {
                        PaymentsLog.BreakerClosed(logger, name, args.IsManual);
                        return default;
                    },
                })
                .Build();
            _breakers.Add(name, new Breaker(state, control, new BreakerGateway(channels.GatewayOf(name), pipeline)));
        }
    }

    /// <summary>
    /// Creates the order's payment at the best channel that answers. No channel (none eligible, all
    /// failing, or a refusal) is a decision without one, not an exception; only the caller's cancellation throws.
    /// </summary>
    public async Task<RouteDecision> RouteAsync(PaymentOrder order, CancellationToken ct)
    {
        var considered = new List<ChannelConsidered>();
        var ranked = new List<(string Name, PaymentChannelSettings Settings, decimal Fee)>();
        foreach (var name in _channels.Names.Order(StringComparer.Ordinal))
        {
            var settings = _channels.SettingsOf(name);
            var fee = order.AmountFen * settings.FeeRate;
            if (Ineligible(settings, order) is { } reason)
            {
                considered.Add(new ChannelConsidered(name, reason, fee));
            }
            else
            {
                ranked.Add((name, settings, fee));
            }
        }

        ranked.Sort((a, b) => a.Fee != b.Fee ? a.Fee.CompareTo(b.Fee)
            : a.Settings.Priority != b.Settings.Priority ? a.Settings.Priority.CompareTo(b.Settings.Priority)
            : string.CompareOrdinal(a.Name, b.Name));

        var tried = new List<ChannelConsidered>(ranked.Count);
        string? chosen = null, payUrl = null;
        var refused = false;
        foreach (var (name, _, fee) in ranked)
        {
            if (chosen is not null || refused)
            {
                tried.Add(new ChannelConsidered(name, RouteReasons.NotTried, fee));
                continue;
            }

            var request = new GatewayPaymentRequest(order.OutTradeNo, order.Description, order.AmountFen, order.TimeExpire, order.Attach,
                _channels.Options.NotifyUrlFor(name));
            try
            {
                payUrl = await _breakers[name].Gateway.CreateAsync(request, ct);
                chosen = name;
                tried.Add(new ChannelConsidered(name, RouteReasons.Chosen, fee));
            }
            catch (GatewayUnavailableException e) when (e.InnerException is BrokenCircuitException)
            {
                tried.Add(new ChannelConsidered(name, RouteReasons.BreakerOpen, fee, e.Code));
            }
            catch (GatewayRefusedException e)
            {
                refused = true;
                tried.Add(new ChannelConsidered(name, RouteReasons.Refused, fee, e.Code));
            }
            catch (GatewayException e)
            {
                // Unavailable, or an answer that could not be read (not counted by the breaker, but no pay URL either).
                PaymentsLog.CreateFailed(_logger, e, name, order.OutTradeNo);
                tried.Add(new ChannelConsidered(name, RouteReasons.Failed, fee, e.Code));
            }
        }

        return new RouteDecision(chosen, payUrl, [.. tried, .. considered]);
    }

    /// <summary>Every configured channel, enabled or not.</summary>
    public IReadOnlyList<string> Channels => [.. _breakers.Keys.Order(StringComparer.Ordinal)];

    /// <summary>The channel's client behind its breaker, for the trades made through it (query, close, refund, statement).</summary>
    public IPaymentGateway For(string channel) => Get(channel).Gateway;

    /// <summary>The notify_url for a channel's refunds and payments.</summary>
    public string NotifyUrlFor(string channel) => _channels.Options.NotifyUrlFor(channel);

    public IReadOnlyList<ChannelHealth> Health() =>
        [.. _breakers.OrderBy(b => b.Key, StringComparer.Ordinal)
            .Select(b => new ChannelHealth(b.Key, _channels.SettingsOf(b.Key).Enabled, b.Value.State.CircuitState))];

    /// <summary>Opens the channel's breaker until <see cref="CloseCircuitAsync"/>: no call reaches it (an admin's maintenance switch).</summary>
    public Task IsolateAsync(string channel, CancellationToken ct) => Get(channel).Control.IsolateAsync(ct);

    /// <summary>Closes the channel's breaker, whatever opened it: calls reach the channel again at once.</summary>
    public Task CloseCircuitAsync(string channel, CancellationToken ct) => Get(channel).Control.CloseAsync(ct);

    private static string? Ineligible(PaymentChannelSettings channel, PaymentOrder order) =>
        !channel.Enabled ? RouteReasons.Disabled
        : order.AmountFen < channel.MinAmountFen || order.AmountFen > channel.MaxAmountFen ? RouteReasons.AmountOutOfRange
        : channel.Tiers.Length > 0 && (order.ShopperTier is null || !channel.Tiers.Contains(order.ShopperTier, StringComparer.Ordinal))
            ? RouteReasons.TierNotAllowed
        : null;

    private Breaker Get(string channel) =>
        _breakers.TryGetValue(channel, out var breaker) ? breaker : throw new ArgumentException($"No payment channel '{channel}' is configured.", nameof(channel));

    private sealed record Breaker(CircuitBreakerStateProvider State, CircuitBreakerManualControl Control, BreakerGateway Gateway);
}
