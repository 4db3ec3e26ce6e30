using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace FlashSale.PaymentSandbox;

/// <summary>The two JSON dialects the sandbox speaks.</summary>
internal static class SandboxJson
{
    /// <summary>
    /// WeChat's: snake_case, absent rather than null, and strict (an amount sent as a string is a PARAM_ERROR, as it
    /// would be at the real gateway). Text is written as is (Chinese, '+' in Base64), as WeChat writes it: these bodies
    /// are JSON for programs, never embedded in HTML.
    /// </summary>
    public static readonly JsonSerializerOptions Gateway = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The sandbox's own controls (/sandbox/faults, /sandbox/stats): camelCase, like the rest of FlashSale.</summary>
    public static readonly JsonSerializerOptions Controls = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
