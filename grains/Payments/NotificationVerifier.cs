using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace FlashSale.Grains.Payments;

/// <summary>The headers a gateway signs a notification with, as received.</summary>
public sealed record NotificationHeaders(string? Serial, string? Signature, string? Timestamp, string? Nonce);

/// <summary>
/// A notification whose signature and resource checked out. <see cref="Trade"/> is set for TRANSACTION.*
/// events, <see cref="Refund"/> for REFUND.*; <see cref="OutTradeNo"/> is the trade's either way. The
/// <see cref="Nonce"/> is the caller's to store: a nonce seen before is a replay.
/// </summary>
public sealed record VerifiedNotification(
    string Channel,
    string Id,
    string EventType,
    string Nonce,
    DateTimeOffset Timestamp,
    string OutTradeNo,
    GatewayTrade? Trade,
    GatewayRefund? Refund);

/// <summary>Either the notification or why it was refused (a <see cref="NotificationRefusals"/> code).</summary>
public sealed record NotificationVerdict(VerifiedNotification? Notification, string? Refusal)
{
    [MemberNotNullWhen(true, nameof(Notification))]
    [MemberNotNullWhen(false, nameof(Refusal))]
    public bool Verified => Notification is not null;

    public static NotificationVerdict Refuse(string code) => new(null, code);
}

/// <summary>Stable codes for refused notifications, for logs and the 4xx answer. The gateway retries every one of them.</summary>
public static class NotificationRefusals
{
    /// <summary>The signature does not verify, or is a <c>WECHATPAY/SIGNTEST/</c> probe.</summary>
    public const string BadSignature = "bad_signature";

    /// <summary>|now − Wechatpay-Timestamp| is 300 s or more.</summary>
    public const string StaleTimestamp = "stale_timestamp";

    /// <summary>The gateway does not list the serial, even after fetching its certificates again (or they could not be fetched).</summary>
    public const string UnknownSerial = "unknown_serial";

    /// <summary>A header is missing or unreadable, or the signed body is not a notification this client reads.</summary>
    public const string Malformed = "malformed";

    /// <summary>No channel of that name is configured.</summary>
    public const string UnknownChannel = "unknown_channel";

    /// <summary>Signed and decrypted, but for another merchant account than the channel's.</summary>
    public const string WrongMerchant = "wrong_merchant";
}

/// <summary>
/// Checks a gateway's notification the way WeChat Pay v3 asks: the signature over
/// <c>timestamp\nnonce\nbody\n</c> with the platform key the serial names, over the raw bytes before any
/// parsing; the timestamp within 5 minutes; then the resource decrypted with the channel's APIv3 key.
/// </summary>
public sealed class NotificationVerifier(PaymentChannels channels, PlatformKeys keys, TimeProvider clock)
{
    public static readonly TimeSpan MaxClockSkew = TimeSpan.FromMinutes(5);
    private const string SignTestPrefix = "WECHATPAY/SIGNTEST/";

    public async Task<NotificationVerdict> VerifyAsync(string channel, NotificationHeaders headers, ReadOnlyMemory<byte> body, CancellationToken ct)
    {
        if (!channels.Contains(channel))
        {
            return NotificationVerdict.Refuse(NotificationRefusals.UnknownChannel);
        }

        if (headers is not { Serial: { Length: > 0 } serial, Signature: { Length: > 0 } signature, Timestamp: { Length: > 0 } timestamp, Nonce: { Length: > 0 } nonce })
        {
            return NotificationVerdict.Refuse(NotificationRefusals.Malformed);
        }

        // Probes must fail verification; refusing them by name also spares a certificate fetch when their serial is made up.
        if (signature.StartsWith(SignTestPrefix, StringComparison.Ordinal))
        {
            return NotificationVerdict.Refuse(NotificationRefusals.BadSignature);
        }

        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || seconds > DateTimeOffset.MaxValue.ToUnixTimeSeconds())
        {
            return NotificationVerdict.Refuse(NotificationRefusals.Malformed);
        }

        var sentAt = DateTimeOffset.FromUnixTimeSeconds(seconds);
        if ((clock.GetUtcNow() - sentAt).Duration() >= MaxClockSkew)
        {
            return NotificationVerdict.Refuse(NotificationRefusals.StaleTimestamp);
        }

        if (await keys.FindAsync(channel, serial, ct) is not { } publicKey)
        {
            return NotificationVerdict.Refuse(NotificationRefusals.UnknownSerial);
        }

        if (!SignatureHolds(publicKey, signature, timestamp, nonce, body.Span))
        {
            return NotificationVerdict.Refuse(NotificationRefusals.BadSignature);
        }

        return Read(channel, channels.SettingsOf(channel), body, nonce, sentAt);
    }

    private static bool SignatureHolds(byte[] publicKey, string signature, string timestamp, string nonce, ReadOnlySpan<byte> body)
    {
        var signatureBytes = new byte[signature.Length];
        if (!Convert.TryFromBase64String(signature, signatureBytes, out var length))
        {
            return false;
        }

        // timestamp + "\n" + nonce + "\n" + body + "\n", the body byte for byte as it came.
        var head = Encoding.UTF8.GetBytes($"{timestamp}\n{nonce}\n");
        var message = new byte[head.Length + body.Length + 1];
        head.CopyTo(message, 0);
        body.CopyTo(message.AsSpan(head.Length));
        message[^1] = (byte)'\n';

        using var rsa = RSA.Create();
        rsa.ImportSubjectPublicKeyInfo(publicKey, out _);
        return rsa.VerifyData(message, signatureBytes.AsSpan(0, length), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
    }

    /// <summary>The envelope and its resource, once the signature holds.</summary>
    private static NotificationVerdict Read(string channel, PaymentChannelSettings settings, ReadOnlyMemory<byte> body, string nonce, DateTimeOffset sentAt)
    {
        try
        {
            var envelope = JsonSerializer.Deserialize(body.Span, GatewayJson.Default.NotificationJson);
            if (envelope is not { Id: { Length: > 0 } id, EventType: { Length: > 0 } eventType, Resource: { Ciphertext: not null, Nonce: not null } resource }
                || resource.Algorithm != ApiV3Cipher.Algorithm)
            {
                return NotificationVerdict.Refuse(NotificationRefusals.Malformed);
            }

            var plaintext = ApiV3Cipher.Decrypt(settings.ApiV3Key, resource.Nonce, resource.AssociatedData ?? "", resource.Ciphertext);
            if (eventType.StartsWith("TRANSACTION.", StringComparison.Ordinal))
            {
                var trade = JsonSerializer.Deserialize(plaintext, GatewayJson.Default.TradeJson);
                if (trade is null)
                {
                    return NotificationVerdict.Refuse(NotificationRefusals.Malformed);
                }

                if (trade.Mchid != settings.MchId)
                {
                    return NotificationVerdict.Refuse(NotificationRefusals.WrongMerchant);
                }

                var read = WeChatPayGateway.ToTrade(channel, trade);
                return new(new VerifiedNotification(channel, id, eventType, nonce, sentAt, read.OutTradeNo, read, null), null);
            }

            if (eventType.StartsWith("REFUND.", StringComparison.Ordinal))
            {
                var refund = JsonSerializer.Deserialize(plaintext, GatewayJson.Default.RefundJson);
                if (refund is not { OutTradeNo: { Length: > 0 } outTradeNo })
                {
                    return NotificationVerdict.Refuse(NotificationRefusals.Malformed);
                }

                if (refund.Mchid != settings.MchId)
                {
                    return NotificationVerdict.Refuse(NotificationRefusals.WrongMerchant);
                }

                var read = WeChatPayGateway.ToRefund(channel, refund);
                return new(new VerifiedNotification(channel, id, eventType, nonce, sentAt, outTradeNo, null, read), null);
            }

            return NotificationVerdict.Refuse(NotificationRefusals.Malformed);
        }
        catch (Exception e) when (e is JsonException or FormatException or CryptographicException or GatewayProtocolException)
        {
            return NotificationVerdict.Refuse(NotificationRefusals.Malformed);
        }
    }
}
