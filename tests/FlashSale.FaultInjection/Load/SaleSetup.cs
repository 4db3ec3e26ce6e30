using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace FlashSale.FaultInjection.Load;

public static class SaleSetup
{
    public static async Task<Sale> CreateAsync(Uri api, string marketingToken, int scarceStock)
    {
        using var client = new HttpClient { BaseAddress = api };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", marketingToken);
        var plenty = await CreateAsync(client, "Fault run: plenty", new SaleCampaign(Guid.Empty, 1_000_000, 2, 3, 2));
        var scarce = await CreateAsync(client, "Fault run: scarce", new SaleCampaign(Guid.Empty, scarceStock, 1, 2, 2));
        return new Sale(plenty, scarce);
    }

    private static async Task<SaleCampaign> CreateAsync(HttpClient client, string name, SaleCampaign campaign)
    {
        var response = await client.PostAsJsonAsync("/api/campaigns", new
        {
            name,
            coupon = new { kind = "fixed", currency = "CNY", amountOff = 20 },
            totalStock = campaign.TotalStock,
            perUserLimit = campaign.PerUserLimit,
            startsAt = DateTimeOffset.UtcNow.AddSeconds(-1),
            endsAt = DateTimeOffset.UtcNow.AddDays(1),
            validity = new { days = 7 },
            risk = new { maxClaimsPerDevice = campaign.MaxClaimsPerDevice, maxAccountsPerDevice = campaign.MaxAccountsPerDevice },
        });
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"creating '{name}' failed: {(int)response.StatusCode} {body}");
        }

        return campaign with { Id = JsonDocument.Parse(body).RootElement.GetProperty("id").GetGuid() };
    }
}
