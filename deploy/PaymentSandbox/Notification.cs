using System.Text.Json;

namespace FlashSale.PaymentSandbox;

/// <summary>
/// One notification, built once: every delivery of it (retries, duplicates) carries these exact body bytes and
/// <see cref="Id"/>; only the timestamp, nonce and signature are fresh each time.
/// </summary>
internal sealed record Notification(string Id, PaymentChannel Channel, Uri Url, string EventType, byte[] Body);

/// <summary>Builds TRANSACTION.SUCCESS and REFUND.SUCCESS notifications: the resource is the trade's or refund's JSON, encrypted.</summary>
internal sealed class NotificationFactory(TimeProvider time)
{
    public Notification ForPayment(TradeSnapshot trade) =>
        Build(trade.Channel, trade.Terms.NotifyUrl, "TRANSACTION.SUCCESS", "支付成功", "transaction", TransactionView.Of(trade));

    public Notification ForRefund(TradeSnapshot trade, RefundSnapshot refund) =>
        Build(trade.Channel, refund.NotifyUrl, "REFUND.SUCCESS", "退款成功", "refund", RefundResource.Of(trade, refund));

    private Notification Build<T>(PaymentChannel channel, Uri url, string eventType, string summary, string originalType, T resource)
    {
        var sealedResource = channel.Cipher.Encrypt(originalType, JsonSerializer.SerializeToUtf8Bytes(resource, SandboxJson.Gateway));
        var body = new NotificationBody(
            Guid.NewGuid().ToString(), ChinaTime.Format(time.GetUtcNow()), "encrypt-resource", eventType, summary,
            new NotificationResource(originalType, ResourceCipher.Algorithm, sealedResource.Ciphertext, originalType, sealedResource.Nonce));
        return new Notification(body.Id, channel, url, eventType, JsonSerializer.SerializeToUtf8Bytes(body, SandboxJson.Gateway));
    }
}
