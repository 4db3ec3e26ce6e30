using System.Net.Http.Headers;
using System.Net.Http.Json;
using FlashSale.LoadGen.Setup;

namespace FlashSale.Scalpers.Sale;

/// <summary>The sale: its campaign, opening at a set instant with one coupon per shopper, and the rules put on it.</summary>
public static class SaleSetup
{
    public static async Task<Guid> CreateCampaignAsync(HttpClient http, Uri baseUrl, string marketerToken, string runId, int stock, DateTimeOffset opensAt)
    {
        var endpoint = new Uri(baseUrl, "api/campaigns");
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint)
        {
            Content = JsonContent.Create(new
            {
                name = $"scalpers {runId}",
                coupon = new { kind = "fixed", currency = "CNY", amountOff = 50 },
                totalStock = stock,
                perUserLimit = 1,
                startsAt = opensAt,
                endsAt = opensAt.AddDays(1),
                validity = new { days = 7 },
            }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", marketerToken);
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new SetupException($"POST {endpoint} answered {(int)response.StatusCode}: {text}");
        }

        return System.Text.Json.JsonDocument.Parse(text).RootElement.GetProperty("id").GetGuid();
    }

    /// <summary>Bearer header values for each id, minted in parallel.</summary>
    public static async Task<string[]> AuthorizationsAsync(ITokenMinter minter, IReadOnlyList<string> ids)
    {
        var authorizations = new string[ids.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, ids.Count), new ParallelOptions { MaxDegreeOfParallelism = minter.Parallelism },
            async (i, cancellationToken) => authorizations[i] = "Bearer " + await minter.MintAsync(ids[i], "shopper", cancellationToken));
        return authorizations;
    }
}
