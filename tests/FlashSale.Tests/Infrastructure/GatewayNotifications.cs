using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace FlashSale.Tests.Infrastructure;

/// <summary>
/// Notifications made as the sandbox gateway makes them (PROTOCOL.md), signed with its platform key
/// read from its key file: for the tests of what our endpoint refuses (a changed byte, a stale
/// timestamp, a replayed nonce, a signature probe), which the sandbox itself only sends by chance.
/// </summary>
public sealed class GatewayNotifications(string platformKeyPem, string apiV3Key)
{
    public sealed record Signed(string Timestamp, string Nonce, string Signature, string Serial, byte[] Body);

    /// <summary>A TRANSACTION.SUCCESS for the trade, as captured now, signed at <paramref name="at"/>.</summary>
    public Signed Capture(string mchId, string outTradeNo, long amountFen, DateTimeOffset at, string? nonce = null)
    {
        var china = at.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
        var trade = JsonSerializer.Serialize(new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["mchid"] = mchId, ["out_trade_no"] = outTradeNo, ["transaction_id"] = "4200" + RandomNumberGenerator.GetHexString(24),
            ["trade_type"] = "NATIVE", ["trade_state"] = "SUCCESS", ["trade_state_desc"] = "支付成功", ["success_time"] = china, ["attach"] = "",
            ["amount"] = new Dictionary<string, object>(StringComparer.Ordinal) { ["total"] = amountFen, ["payer_total"] = amountFen, ["currency"] = "CNY" },
        });
        var resourceNonce = RandomNumberGenerator.GetHexString(12);
        var body = JsonSerializer.Serialize(new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["id"] = Guid.NewGuid().ToString(), ["create_time"] = china, ["resource_type"] = "encrypt-resource",
            ["event_type"] = "TRANSACTION.SUCCESS", ["summary"] = "支付成功",
            ["resource"] = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["original_type"] = "transaction", ["algorithm"] = "AEAD_AES_256_GCM", ["ciphertext"] = Encrypt(trade, resourceNonce, "transaction"),
                ["associated_data"] = "transaction", ["nonce"] = resourceNonce,
            },
        });
        return Sign(Encoding.UTF8.GetBytes(body), at, nonce ?? RandomNumberGenerator.GetHexString(32));
    }

    public Signed Sign(byte[] body, DateTimeOffset at, string nonce)
    {
        using var rsa = RSA.Create();
        rsa.ImportFromPem(platformKeyPem);
        var timestamp = at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var message = Encoding.UTF8.GetBytes($"{timestamp}\n{nonce}\n").Concat(body).Append((byte)'\n').ToArray();
        var signature = Convert.ToBase64String(rsa.SignData(message, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
        var serial = Convert.ToHexString(SHA256.HashData(rsa.ExportSubjectPublicKeyInfo()), 0, 16);
        return new Signed(timestamp, nonce, signature, serial, body);
    }

    public static HttpRequestMessage Request(string channel, Signed notification)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/payments/notifications/{channel}") { Content = new ByteArrayContent(notification.Body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add("Wechatpay-Serial", notification.Serial);
        request.Headers.Add("Wechatpay-Signature", notification.Signature);
        request.Headers.Add("Wechatpay-Timestamp", notification.Timestamp);
        request.Headers.Add("Wechatpay-Nonce", notification.Nonce);
        request.Headers.Add("Wechatpay-Signature-Type", "WECHATPAY2-SHA256-RSA2048");
        return request;
    }

    private string Encrypt(string plaintext, string nonce, string associatedData)
    {
        using var aes = new AesGcm(Encoding.ASCII.GetBytes(apiV3Key), 16);
        var input = Encoding.UTF8.GetBytes(plaintext);
        var output = new byte[input.Length + 16];
        aes.Encrypt(Encoding.ASCII.GetBytes(nonce), input, output.AsSpan(0, input.Length), output.AsSpan(input.Length), Encoding.ASCII.GetBytes(associatedData));
        return Convert.ToBase64String(output);
    }
}
