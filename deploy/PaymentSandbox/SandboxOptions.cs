namespace FlashSale.PaymentSandbox;

/// <summary>The section <c>Sandbox</c>. Defaults live in <see cref="SandboxDefaults"/>, as configuration, so that each key can be overridden alone.</summary>
internal sealed class SandboxOptions
{
    public const string Section = "Sandbox";

    /// <summary>Merchant accounts by name; the name is the first segment of every merchant route.</summary>
    public Dictionary<string, ChannelOptions> Channels { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>PKCS#8 PEM of the platform key, generated and written here when missing. Empty: a fresh key in memory on every start.</summary>
    public string KeyFile { get; set; } = "";

    /// <summary>Multiplies WeChat's retry intervals, so that a test sees a day of retries in seconds.</summary>
    public double RetryScale { get; set; } = 1;

    /// <summary>How long an accepted refund stays PROCESSING.</summary>
    public int RefundDelayMs { get; set; } = 200;
}

internal sealed class ChannelOptions
{
    public string MchId { get; set; } = "";

    /// <summary>32 ASCII characters, shared with the merchant: the AES-256-GCM key of notifications and certificates.</summary>
    public string ApiV3Key { get; set; } = "";

    /// <summary>The gateway's fee, a fraction of each amount (0.006 is 0.60%); only the daily statement shows it.</summary>
    public decimal FeeRate { get; set; }
}
