using System.Net.Http.Json;
using System.Text.Json;

namespace FlashSale.Tests.Infrastructure;

/// <summary>
/// A running system with the sandbox payment gateway (deploy/PaymentSandbox) as a process of its
/// own, two channels on it, quick reminders and a fast deadline watch: for the paid-sale tests.
/// </summary>
public sealed class PaidSaleSystem : RunningSystem
{
    public const string ApiV3Key = "flashsale-sandbox-apiv3-key-0001";

    /// <summary>Each channel's merchant number, the same at the sandbox and in the silo's settings.</summary>
    public static readonly IReadOnlyDictionary<string, string> MerchantIds =
        new Dictionary<string, string>(StringComparer.Ordinal) { ["wechat"] = "1900000001", ["alipay"] = "2088000000000001" };

    private readonly int _sandboxPort = Repo.FreePort();
    private readonly string _keyFile = Path.Combine(Path.GetTempPath(), $"flashsale-sandbox-{Guid.NewGuid():N}.pem");

    public ServiceProcess Sandbox { get; private set; } = null!;
    public Uri SandboxAddress => new($"http://127.0.0.1:{_sandboxPort}");

    /// <summary>The sandbox's platform key (PKCS#8 PEM): what the signature tests forge notifications with.</summary>
    public string PlatformKeyPem => File.ReadAllText(_keyFile);

    protected override IReadOnlyDictionary<string, string> SharedSettings => new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["Reminders__Period"] = "00:00:05",
        ["Sales__PollEvery"] = "00:00:00.200",
        ["Payments__NotifyBaseUrl"] = BaseAddress.ToString().TrimEnd('/'),
        ["Payments__Channels__wechat__BaseUrl"] = SandboxAddress.ToString(),
        ["Payments__Channels__wechat__MchId"] = "1900000001",
        ["Payments__Channels__wechat__ApiV3Key"] = ApiV3Key,
        ["Payments__Channels__wechat__FeeRate"] = "0.006",
        ["Payments__Channels__wechat__Priority"] = "1",
        ["Payments__Channels__alipay__BaseUrl"] = SandboxAddress.ToString(),
        ["Payments__Channels__alipay__MchId"] = "2088000000000001",
        ["Payments__Channels__alipay__ApiV3Key"] = ApiV3Key,
        ["Payments__Channels__alipay__FeeRate"] = "0.0055",
        ["Payments__Channels__alipay__Priority"] = "2",
    };

    public override async Task InitializeAsync()
    {
        await StartSandboxAsync();
        await base.InitializeAsync();
    }

    public async Task StartSandboxAsync()
    {
        Sandbox = ServiceProcess.Start("sandbox", Repo.Binary(Path.Combine("deploy", "PaymentSandbox"), "FlashSale.PaymentSandbox.dll"),
            new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["ASPNETCORE_URLS"] = SandboxAddress.ToString(),
                ["Sandbox__KeyFile"] = _keyFile,
                ["Sandbox__RetryScale"] = "0.02",
                ["Sandbox__Channels__wechat__MchId"] = "1900000001",
                ["Sandbox__Channels__alipay__MchId"] = "2088000000000001",
                ["Logging__LogLevel__Default"] = "Warning",
            });
        using var probe = SandboxClient();
        await Sandbox.WaitUntilAsync(async () => (await probe.GetAsync("/sandbox/health")).IsSuccessStatusCode, TimeSpan.FromSeconds(60));
    }

    /// <summary>A database of its own: the shop page lists campaigns across it, and other systems' it cannot serve.</summary>
    protected override string? OwnDatabase => "paid_sales";

    public HttpClient SandboxClient() => new() { BaseAddress = SandboxAddress, Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>Sets the sandbox's faults (PROTOCOL.md, "test controls"); every field left out stays as it is.</summary>
    public async Task FaultsAsync(object faults)
    {
        using var client = SandboxClient();
        (await client.PutAsJsonAsync("/sandbox/faults", faults)).EnsureSuccessStatusCode();
    }

    /// <summary>The shopper pays at the sandbox what <paramref name="payUrl"/> names (late: captured even past the close).</summary>
    public async Task<HttpResponseMessage> PayAsync(string payUrl, bool late = false)
    {
        // The pay URL is /pay/{channel}/{out_trade_no}; the shopper's button posts to the sandbox's pay route.
        var parts = new Uri(payUrl).AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        using var client = SandboxClient();
        return await client.PostAsJsonAsync($"/sandbox/{parts[1]}/payments/{parts[2]}/pay", new { late });
    }

    /// <summary>The sandbox's own view of a trade (its query API).</summary>
    public async Task<JsonElement> TradeAsync(string channel, string outTradeNo)
    {
        using var client = SandboxClient();
        return await client.GetFromJsonAsync<JsonElement>($"/{channel}/v3/pay/transactions/out-trade-no/{outTradeNo}?mchid={MerchantIds[channel]}");
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (Sandbox is not null)
        {
            await Sandbox.DisposeAsync();
        }

        File.Delete(_keyFile);
    }
}

/// <summary>The paid-sale classes share one such system, and a headless Chromium for the pay pages.</summary>
[CollectionDefinition(Name)]
public sealed class PaidSaleCollection : ICollectionFixture<PaidSaleSystem>, ICollectionFixture<HeadlessChromium>
{
    public const string Name = "paid sale system";
}
