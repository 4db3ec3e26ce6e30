using Microsoft.Extensions.Options;

namespace FlashSale.PaymentSandbox;

/// <summary>Turns an accepted refund SUCCESS after Sandbox:RefundDelayMs and sends its REFUND.SUCCESS notification.</summary>
internal sealed class RefundSettlement(
    Trades trades, NotificationFactory notifications, NotificationSender sender, TimeProvider time, IOptions<SandboxOptions> options, IHostApplicationLifetime lifetime)
{
    private readonly TimeSpan _delay = TimeSpan.FromMilliseconds(options.Value.RefundDelayMs);

    public void Schedule(PaymentChannel channel, string outRefundNo) => _ = SettleLaterAsync(channel, outRefundNo, lifetime.ApplicationStopping);

    private async Task SettleLaterAsync(PaymentChannel channel, string outRefundNo, CancellationToken stopping)
    {
        try
        {
            await Task.Delay(_delay, time, stopping);
        }
        catch (OperationCanceledException)
        {
            // Stopping: an in-memory gateway forgets its refunds anyway.
            return;
        }

        if (trades.SettleRefund(channel, outRefundNo) is { } settled)
        {
            sender.Enqueue(notifications.ForRefund(settled.Trade, settled.Refund));
        }
    }
}
