namespace FlashSale.PaymentSandbox;

/// <summary>
/// What the sandbox runs with when nothing is configured (PROTOCOL.md). Added as the lowest configuration source rather than
/// as property initialisers, so that setting one key (say wechat's FeeRate) keeps the rest of that channel's defaults.
/// </summary>
internal static class SandboxDefaults
{
    public const string Urls = "http://127.0.0.1:5090";

    public const string ApiV3Key = "flashsale-sandbox-apiv3-key-0001";

    public static readonly Dictionary<string, string?> Configuration = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Sandbox:Channels:wechat:MchId"] = "1900000001",
        ["Sandbox:Channels:wechat:ApiV3Key"] = ApiV3Key,
        ["Sandbox:Channels:wechat:FeeRate"] = "0.006",
        ["Sandbox:Channels:alipay:MchId"] = "2088000000000001",
        ["Sandbox:Channels:alipay:ApiV3Key"] = ApiV3Key,
        ["Sandbox:Channels:alipay:FeeRate"] = "0.0055",
        // Kept across restarts, so that a merchant's cached platform certificate stays valid.
        ["Sandbox:KeyFile"] = Path.Combine(Path.GetTempPath(), "flashsale-payment-sandbox", "platform-key.pem"),
        ["Sandbox:RetryScale"] = "1",
        ["Sandbox:RefundDelayMs"] = "200",
        ["Logging:LogLevel:Default"] = "Information",
        ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
    };
}
