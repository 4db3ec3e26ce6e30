using System.Net;
using System.Security.Cryptography;
using System.Text;
using FlashSale.Grains.Payments;

namespace FlashSale.UnitTests.Payments;

/// <summary>A request the fake gateway received: method, path and query (without the host), body.</summary>
internal sealed record SeenRequest(HttpMethod Method, string PathAndQuery, string Body);

/// <summary>An HTTP handler standing in for a gateway: answers with <c>Respond</c>, which a test may change between calls, and keeps every request.</summary>
internal sealed class FakeGateway(Func<SeenRequest, HttpResponseMessage> respond) : HttpMessageHandler
{
    private readonly List<SeenRequest> _requests = [];

    public Func<SeenRequest, HttpResponseMessage> Respond { get; set; } = respond;

    public IReadOnlyList<SeenRequest> Requests
    {
        get
        {
            lock (_requests)
            {
                return [.. _requests];
            }
        }
    }

    /// <summary>How long each answer takes; the request's cancellation (HttpClient's timeout) cuts it short.</summary>
    public TimeSpan Delay { get; set; }

    public int Count(string pathStart) => Requests.Count(r => r.PathAndQuery.StartsWith(pathStart, StringComparison.Ordinal));

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
        var seen = new SeenRequest(request.Method, request.RequestUri!.PathAndQuery, body);
        lock (_requests)
        {
            _requests.Add(seen);
        }

        if (Delay > TimeSpan.Zero)
        {
            await Task.Delay(Delay, cancellationToken);
        }

        return Respond(seen);
    }

    public static HttpResponseMessage Json(HttpStatusCode status, string json) =>
        new(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };

    public static HttpResponseMessage Error(HttpStatusCode status, string code) => Json(status, $$$"""{"code":"{{{code}}}","message":"{{{code}}}"}""");

    public static HttpResponseMessage CodeUrl(SeenRequest request) =>
        Json(HttpStatusCode.OK, $$$"""{"code_url":"http://sandbox/pay{{{request.PathAndQuery}}}"}""");
}

/// <summary>The sandbox's platform key pair, its serial computed as PROTOCOL.md says, and what a gateway does with it.</summary>
internal sealed class PlatformKey : IDisposable
{
    private readonly RSA _rsa = RSA.Create(2048);

    public string Serial => Convert.ToHexString(SHA256.HashData(_rsa.ExportSubjectPublicKeyInfo()).AsSpan(0, 16));

    public string PublicPem => _rsa.ExportSubjectPublicKeyInfoPem();

    /// <summary>Base64 RSA-SHA256 PKCS#1 v1.5 over timestamp\nnonce\nbody\n.</summary>
    public string Sign(string timestamp, string nonce, byte[] body)
    {
        var message = Encoding.UTF8.GetBytes($"{timestamp}\n{nonce}\n").Concat(body).Append((byte)'\n').ToArray();
        return Convert.ToBase64String(_rsa.SignData(message, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
    }

    public void Dispose() => _rsa.Dispose();
}

/// <summary>The gateway's side of AEAD_AES_256_GCM, written here apart from the code under test.</summary>
internal static class Seal
{
    /// <summary>Base64 of the encrypted bytes followed by the 16-byte tag.</summary>
    public static string Encrypt(string apiV3Key, string nonce, string associatedData, string plaintext)
    {
        var plain = Encoding.UTF8.GetBytes(plaintext);
        var cipher = new byte[plain.Length];
        var tag = new byte[16];
        using var aes = new AesGcm(Encoding.ASCII.GetBytes(apiV3Key), 16);
        aes.Encrypt(Encoding.ASCII.GetBytes(nonce), plain, cipher, tag, Encoding.ASCII.GetBytes(associatedData));
        return Convert.ToBase64String([.. cipher, .. tag]);
    }

    /// <summary>The certificates answer listing the keys given, each encrypted with the APIv3 key.</summary>
    public static string Certificates(string apiV3Key, params PlatformKey[] keys) =>
        "{\"data\":[" + string.Join(',', keys.Select((key, i) =>
            $$$"""
            {"serial_no":"{{{key.Serial}}}","effective_time":"2026-01-01T00:00:00+08:00","expire_time":"2031-01-01T00:00:00+08:00",
             "encrypt_certificate":{"algorithm":"AEAD_AES_256_GCM","nonce":"certnonce{{{i:000}}}","associated_data":"certificate",
             "ciphertext":"{{{Encrypt(apiV3Key, $"certnonce{i:000}", "certificate", key.PublicPem)}}}"}}
            """)) + "]}";
}

/// <summary>Channel settings for tests: the sandbox's APIv3 key and merchant; each test gives each channel its own fake handler.</summary>
internal static class TestChannels
{
    public const string ApiV3Key = "flashsale-sandbox-apiv3-key-0001";

    public static PaymentChannelSettings Channel(decimal feeRate = 0.006m, int priority = 0, string mchId = "1900000001",
        long minAmountFen = 1, long? maxAmountFen = null, string[]? tiers = null, bool enabled = true)
    {
        return new PaymentChannelSettings
        {
            BaseUrl = "http://gateway.test",
            MchId = mchId,
            ApiV3Key = ApiV3Key,
            FeeRate = feeRate,
            Priority = priority,
            MinAmountFen = minAmountFen,
            MaxAmountFen = maxAmountFen,
            Tiers = tiers ?? [],
            Enabled = enabled,
        };
    }

    public static PaymentChannelOptions Options(params (string Name, PaymentChannelSettings Settings)[] channels) => new()
    {
        Channels = channels.ToDictionary(c => c.Name, c => c.Settings, StringComparer.Ordinal),
        NotifyBaseUrl = "https://api.flashsale.test",
        Breaker = new PaymentBreakerSettings
        {
            FailureRatio = 0.5,
            SamplingDuration = TimeSpan.FromSeconds(10),
            MinimumThroughput = 4,
            BreakDuration = TimeSpan.FromSeconds(5),
        },
    };
}
