using Microsoft.Extensions.Primitives;

namespace FlashSale.Api.Claims;

/// <summary>The claim's required headers: <c>Idempotency-Key</c> and <c>X-Device-Id</c>, 1 to 128 printable ASCII characters each.</summary>
public static class ClaimHeaders
{
    public const string IdempotencyKey = "Idempotency-Key";
    public const string DeviceId = "X-Device-Id";
    private const int MaxLength = 128;

    public static (string IdempotencyKey, string DeviceId, Dictionary<string, string[]> Errors) Read(IHeaderDictionary headers)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var key = Single(headers, IdempotencyKey, errors);
        var device = Single(headers, DeviceId, errors);
        return (key, device, errors);
    }

    /// <summary>An optional Idempotency-Key (marketing's top-ups): null when absent, an error when malformed.</summary>
    public static string? OptionalKey(IHeaderDictionary headers, Dictionary<string, string[]> errors) =>
        headers.ContainsKey(IdempotencyKey) ? Single(headers, IdempotencyKey, errors) : null;

    private static string Single(IHeaderDictionary headers, string name, Dictionary<string, string[]> errors)
    {
        StringValues values = headers[name];
        if (values.Count == 0)
        {
            errors[name] = ["Required."];
            return "";
        }

        if (values.Count > 1)
        {
            errors[name] = ["Give it once."];
            return "";
        }

        var value = values[0] ?? "";
        if (value.Length is 0 or > MaxLength || !value.All(c => c is >= '!' and <= '~' or ' ') || value.Trim().Length == 0)
        {
            errors[name] = [$"1 to {MaxLength} printable ASCII characters."];
            return "";
        }

        return value;
    }
}
