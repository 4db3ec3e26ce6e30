using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace FlashSale.FaultInjection.Load;

/// <summary>Creates a campaign through the API as a marketer, open from now for a day.</summary>
public sealed class CampaignCreator(Uri api, string marketingToken) : IDisposable
{
    private readonly HttpClient _client = new() { BaseAddress = api, DefaultRequestHeaders = { Authorization = new AuthenticationHeaderValue("Bearer", marketingToken) } };

    /// <param name="validFor">How long a coupon stays valid after its claim; null: 7 days.</param>
    public async Task<SaleCampaign> CreateAsync(SaleCampaign campaign, object coupon, object? use = null, object? price = null, TimeSpan? validFor = null)
    {
        var body = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["name"] = campaign.Name,
            ["coupon"] = coupon,
            ["totalStock"] = campaign.TotalStock,
            ["perUserLimit"] = campaign.PerUserLimit,
            ["startsAt"] = DateTimeOffset.UtcNow.AddSeconds(-1),
            ["endsAt"] = DateTimeOffset.UtcNow.AddDays(1),
            ["validity"] = validFor is { } span ? new { afterClaim = span } : new { days = 7 },
            ["risk"] = campaign.MaxClaimsPerDevice is null ? null
                : new { maxClaimsPerDevice = campaign.MaxClaimsPerDevice, maxAccountsPerDevice = campaign.MaxAccountsPerDevice },
            ["use"] = use,
            ["price"] = price,
        };
        var response = await _client.PostAsJsonAsync("/api/campaigns", body.Where(b => b.Value is not null).ToDictionary(StringComparer.Ordinal));
        var answer = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"creating '{campaign.Name}' failed: {(int)response.StatusCode} {answer}");
        }

        return campaign with { Id = JsonDocument.Parse(answer).RootElement.GetProperty("id").GetGuid() };
    }

    public void Dispose() => _client.Dispose();
}
