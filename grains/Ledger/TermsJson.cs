using System.Text.Json;
using System.Text.Json.Serialization;
using FlashSale.GrainInterfaces.Campaigns;

namespace FlashSale.Grains.Ledger;

/// <summary>How campaign terms and rules are spelled in the ledger's tables: camelCase JSON, snake_case rule names.</summary>
public static class TermsJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static string Write(CouponTerms terms) => JsonSerializer.Serialize(terms, Options);

    public static CouponTerms Read(string json) => JsonSerializer.Deserialize<CouponTerms>(json, Options)!;

    public static string Write(TransferRule rule) => JsonNamingPolicy.SnakeCaseLower.ConvertName(rule.ToString());

    public static TransferRule ReadRule(string rule) => Enum.Parse<TransferRule>(rule.Replace("_", ""), ignoreCase: true);
}
