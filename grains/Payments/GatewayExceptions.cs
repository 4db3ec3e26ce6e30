namespace FlashSale.Grains.Payments;

/// <summary>A call to a channel that did not come to an answer of the kind asked for.</summary>
public abstract class GatewayException(string channel, string code, string message, Exception? inner = null) : Exception(message, inner)
{
    public string Channel { get; } = channel;

    /// <summary>The gateway's error code (<c>ORDERPAID</c>, <c>SYSTEM_ERROR</c>, …), or ours (<c>timeout</c>, <c>breaker_open</c>, …).</summary>
    public string Code { get; } = code;
}

/// <summary>
/// The gateway answered, and said no (4xx): retrying the same request gets the same answer. Never
/// counted by a circuit breaker: the channel is up.
/// </summary>
public sealed class GatewayRefusedException(string channel, int status, string code, string message)
    : GatewayException(channel, code, $"{channel} refused ({status} {code}): {message}")
{
    public int Status { get; } = status;
}

/// <summary>
/// The channel could not be reached, did not answer in time, failed (5xx), or its breaker refused the
/// call. The request may or may not have taken effect; retrying later is safe (every call is idempotent).
/// The only failure circuit breakers count.
/// </summary>
public sealed class GatewayUnavailableException(string channel, string code, string message, Exception? inner = null)
    : GatewayException(channel, code, $"{channel} unavailable ({code}): {message}", inner);

/// <summary>The gateway answered something this client does not understand (a body that does not parse, a statement whose hash differs).</summary>
public sealed class GatewayProtocolException(string channel, string code, string message, Exception? inner = null)
    : GatewayException(channel, code, $"{channel} answered unexpectedly ({code}): {message}", inner);
