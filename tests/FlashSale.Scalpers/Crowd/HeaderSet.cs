namespace FlashSale.Scalpers.Crowd;

/// <summary>
/// The headers a client sends on every request besides the API's own (Authorization, Idempotency-Key,
/// X-Device-Id): what the server's request fingerprint hashes, with the address's /24.
/// </summary>
public sealed record HeaderSet(string Name, IReadOnlyList<KeyValuePair<string, string>> Headers)
{
    public void ApplyTo(HttpRequestMessage request)
    {
        foreach (var (name, value) in Headers)
        {
            // Without validation: sent as a browser or a script sends them, not as .NET would normalise them.
            request.Headers.TryAddWithoutValidation(name, value);
        }
    }
}
