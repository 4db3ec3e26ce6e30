namespace FlashSale.Benchmarks.Baseline.Redis;

/// <summary>
/// The claim's required headers, judged by FlashSale's rule: <c>Idempotency-Key</c> and
/// <c>X-Device-Id</c>, each given once, 1 to 128 printable ASCII characters.
/// </summary>
public static class ClaimHeaders
{
    public const string IdempotencyKey = "Idempotency-Key";
    public const string DeviceId = "X-Device-Id";
    private const int MaxLength = 128;

    public static (string IdempotencyKey, string DeviceId, Dictionary<string, string[]> Errors) Read(IHeaderDictionary headers)
    {
        var errors = new Dictionary<string, string[]>();
        var key = One(headers, IdempotencyKey, errors);
        var device = One(headers, DeviceId, errors);
        return (key, device, errors);
    }

    private static string One(IHeaderDictionary headers, string name, Dictionary<string, string[]> errors)
    {
        var values = headers[name];
        var error = values.Count switch
        {
            0 => "Required.",
            > 1 => "Give it once.",
            _ when !IsPrintableAscii(values[0]) => $"1 to {MaxLength} printable ASCII characters.",
            _ => null,
        };
        if (error is null)
        {
            return values[0]!;
        }

        errors[name] = [error];
        return "";
    }

    private static bool IsPrintableAscii(string? value) =>
        value is { Length: > 0 and <= MaxLength } && value.All(c => c is >= ' ' and <= '~') && !string.IsNullOrWhiteSpace(value);
}
