using Polly;
using Polly.CircuitBreaker;

namespace FlashSale.Grains.Payments;

/// <summary>
/// A channel's client whose every call goes through the channel's resilience pipeline. A call the
/// breaker refuses is a <see cref="GatewayUnavailableException"/> with code <see cref="BreakerOpenCode"/>,
/// so callers handle one exception for "try again later", whoever said it.
/// </summary>
internal sealed class BreakerGateway(IPaymentGateway inner, ResiliencePipeline pipeline) : IPaymentGateway
{
    public const string BreakerOpenCode = "breaker_open";

    public string Channel => inner.Channel;

    public Task<string> CreateAsync(GatewayPaymentRequest request, CancellationToken ct) => RunAsync(t => inner.CreateAsync(request, t), ct);

    public Task<GatewayTrade?> QueryAsync(string outTradeNo, CancellationToken ct) => RunAsync(t => inner.QueryAsync(outTradeNo, t), ct);

    public Task<CloseOutcome> CloseAsync(string outTradeNo, CancellationToken ct) => RunAsync(t => inner.CloseAsync(outTradeNo, t), ct);

    public Task<GatewayRefund> RefundAsync(GatewayRefundRequest request, CancellationToken ct) => RunAsync(t => inner.RefundAsync(request, t), ct);

    public Task<GatewayRefund?> QueryRefundAsync(string outRefundNo, CancellationToken ct) => RunAsync(t => inner.QueryRefundAsync(outRefundNo, t), ct);

    public Task<GatewayStatement> DownloadStatementAsync(DateOnly day, CancellationToken ct) => RunAsync(t => inner.DownloadStatementAsync(day, t), ct);

    private async Task<T> RunAsync<T>(Func<CancellationToken, Task<T>> call, CancellationToken ct)
    {
        try
        {
            return await pipeline.ExecuteAsync(async t => await call(t), ct);
        }
        catch (BrokenCircuitException e)
        {
            // IsolatedCircuitException too: an admin's isolation refuses like an open breaker.
            throw new GatewayUnavailableException(inner.Channel, BreakerOpenCode, e.Message, e);
        }
    }
}
