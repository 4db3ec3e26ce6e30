using System.Net;
using System.Text.Json;

namespace FlashSale.Tests.Infrastructure;

/// <summary>A health endpoint's answer: the HTTP status and each check's status from the JSON body.</summary>
public sealed record HealthProbe(HttpStatusCode Status, string Overall, IReadOnlyDictionary<string, string> Checks)
{
    public static async Task<HealthProbe> ReadAsync(Uri address, string path)
    {
        using var client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(20) };
        using var response = await client.GetAsync(path);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var checks = body.GetProperty("checks").EnumerateObject()
            .ToDictionary(check => check.Name, check => check.Value.GetProperty("status").GetString()!, StringComparer.Ordinal);
        return new HealthProbe(response.StatusCode, body.GetProperty("status").GetString()!, checks);
    }

    /// <summary>Probes until the answer has <paramref name="status"/>, and returns the last answer.</summary>
    public static Task<HealthProbe> UntilAsync(Uri address, string path, HttpStatusCode status, TimeSpan? within = null) =>
        Eventually.ReturnsAsync(() => ReadAsync(address, path), probe => probe.Status == status, within ?? TimeSpan.FromSeconds(60));
}
