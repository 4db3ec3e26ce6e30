using Microsoft.Extensions.Options;

namespace FlashSale.PaymentSandbox;

/// <summary>Refuses to start on a configuration that would only fail later, at the first notification or statement.</summary>
internal sealed class SandboxOptionsValidation : IValidateOptions<SandboxOptions>
{
    public ValidateOptionsResult Validate(string? name, SandboxOptions options)
    {
        var failures = new List<string>();
        if (options.Channels.Count == 0)
        {
            failures.Add("Sandbox:Channels configures no channel.");
        }

        foreach (var (channel, settings) in options.Channels)
        {
            if (string.IsNullOrWhiteSpace(settings.MchId))
            {
                failures.Add($"Sandbox:Channels:{channel}:MchId is required.");
            }

            if (settings.ApiV3Key.Length != 32 || !settings.ApiV3Key.All(char.IsAscii))
            {
                failures.Add($"Sandbox:Channels:{channel}:ApiV3Key must be 32 ASCII characters (an AES-256 key).");
            }

            if (settings.FeeRate is < 0 or >= 1)
            {
                failures.Add($"Sandbox:Channels:{channel}:FeeRate must be a fraction in [0, 1), such as 0.006.");
            }
        }

        if (!double.IsFinite(options.RetryScale) || options.RetryScale < 0)
        {
            failures.Add("Sandbox:RetryScale must be a number >= 0.");
        }

        if (options.RefundDelayMs < 0)
        {
            failures.Add("Sandbox:RefundDelayMs must be >= 0.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
