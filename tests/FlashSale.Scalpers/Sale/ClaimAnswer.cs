using System.Text.Json;

namespace FlashSale.Scalpers.Sale;

/// <summary>What a claim's answer says that the scenario acts on.</summary>
/// <param name="Status">The HTTP status; 0 when no answer came (connection failed or timed out).</param>
/// <param name="Code">The problem's code (<c>sold_out</c>, <c>challenge_required</c>, ...); "" for a coupon, "transport" or "timeout" for no answer.</param>
/// <param name="Challenge">With 428: the challenge to solve.</param>
public sealed record ClaimAnswer(int Status, string Code, JsonElement? Challenge, TimeSpan? RetryAfter)
{
    public bool Issued => Status == 201;

    /// <summary>How the report counts it: "201", "409 sold_out", "428 challenge_required", ...</summary>
    public string Outcome => Code.Length == 0 ? Status.ToString(System.Globalization.CultureInfo.InvariantCulture)
        : Status == 0 ? Code : $"{Status} {Code}";

    public static ClaimAnswer Of(int status, string body, TimeSpan? retryAfter)
    {
        if (status == 201 || body.Length == 0)
        {
            return new ClaimAnswer(status, "", null, retryAfter);
        }

        try
        {
            using var json = JsonDocument.Parse(body);
            var root = json.RootElement;
            var code = root.TryGetProperty("code", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString()! : "";
            var challenge = root.TryGetProperty("challenge", out var ch) ? ch.Clone() : (JsonElement?)null;
            return new ClaimAnswer(status, code, challenge, retryAfter);
        }
        catch (JsonException)
        {
            return new ClaimAnswer(status, "unreadable", null, retryAfter);
        }
    }
}
