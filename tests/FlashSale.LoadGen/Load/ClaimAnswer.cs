using System.Text.Json;

namespace FlashSale.LoadGen.Load;

/// <summary>The two things a claim's answer says that matter here: the coupon's id, or the refusal's code.</summary>
public readonly record struct ClaimAnswer(Guid? CouponId, string Code)
{
    /// <summary>The codes the servers use, kept as strings once, so that counting a refusal allocates nothing.</summary>
    private static readonly string[] KnownCodes =
    [
        "sold_out", "limit_reached", "not_started", "ended", "campaign_not_found", "idempotency_key_reused",
        "invalid_header", "unauthenticated", "forbidden", "unavailable", "internal_error", "bad_request",
        "validation_failed", "malformed_json", "not_found", "method_not_allowed", "payload_too_large",
        "unsupported_media_type", "headers_too_large",
    ];

    private static readonly byte[][] KnownCodesUtf8 = KnownCodes.Select(System.Text.Encoding.UTF8.GetBytes).ToArray();

    /// <summary>Reads the top-level <c>couponId</c> and <c>code</c>; anything unreadable reads as neither.</summary>
    public static ClaimAnswer Read(ReadOnlySpan<byte> json)
    {
        Guid? couponId = null;
        var code = "";
        try
        {
            var reader = new Utf8JsonReader(json);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return default;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("couponId"u8))
                {
                    reader.Read();
                    couponId = reader.TokenType == JsonTokenType.String && reader.TryGetGuid(out var id) ? id : null;
                }
                else if (reader.ValueTextEquals("code"u8))
                {
                    reader.Read();
                    code = reader.TokenType == JsonTokenType.String ? CodeOf(ref reader) : "";
                }
                else
                {
                    reader.Read();
                    reader.Skip();
                }
            }
        }
        catch (JsonException)
        {
            // A cut-off or odd body: keep whatever was read before it.
        }

        return new ClaimAnswer(couponId, code);
    }

    private static string CodeOf(ref Utf8JsonReader reader)
    {
        for (var i = 0; i < KnownCodesUtf8.Length; i++)
        {
            if (reader.ValueTextEquals(KnownCodesUtf8[i]))
            {
                return KnownCodes[i];
            }
        }

        return reader.GetString() ?? "";
    }
}
