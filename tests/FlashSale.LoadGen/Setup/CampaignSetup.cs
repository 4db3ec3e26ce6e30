using System.Net.Http.Headers;
using System.Net.Http.Json;
using FlashSale.LoadGen.Options;

namespace FlashSale.LoadGen.Setup;

/// <summary>The campaigns the shoppers race on: created for this run, or named on the command line.</summary>
public static class CampaignSetup
{
    public static async Task<IReadOnlyList<Guid>> PrepareAsync(LoadOptions options, HttpClient http, ITokenMinter minter, string runId)
    {
        if (options.CampaignIds.Count > 0)
        {
            return options.CampaignIds;
        }

        // The bare endpoint keeps no campaigns: any id will do.
        if (options.Target == Target.Bare)
        {
            return Enumerable.Range(0, options.Campaigns).Select(_ => Guid.NewGuid()).ToList();
        }

        var marketer = await minter.MintAsync($"{runId}-marketer", "marketing", CancellationToken.None);
        var ids = new List<Guid>();
        for (var i = 0; i < options.Campaigns; i++)
        {
            ids.Add(options.Target == Target.Claims
                ? await CreateAsync(http, marketer, new Uri(options.BaseUrl, "api/campaigns"), FlashSaleCampaign(options, runId, i))
                : await CreateAsync(http, marketer, new Uri(options.BaseUrl, "redis/campaigns"), new { totalStock = options.Stock, perUserLimit = options.PerUserLimit }));
        }

        Console.Error.WriteLine($"created {ids.Count} campaign(s) of {options.Stock:N0} coupons, limit {options.PerUserLimit} per shopper");
        return ids;
    }

    /// <summary>
    /// On sale from a minute ago (so no clock skew makes it "not started"), or from <c>--opens-at</c>,
    /// until tomorrow.
    /// </summary>
    private static object FlashSaleCampaign(LoadOptions options, string runId, int number)
    {
        var now = DateTimeOffset.UtcNow;
        return new
        {
            name = $"loadgen {runId} #{number + 1}",
            coupon = new { kind = "fixed", currency = "CNY", amountOff = 50 },
            totalStock = options.Stock,
            perUserLimit = options.PerUserLimit,
            startsAt = options.OpensAt ?? now.AddMinutes(-1),
            endsAt = now.AddDays(1),
            validity = new { days = 7 },
            // A paid sale's orders hold their units for the whole run: nothing lapses while it is measured.
            price = options.CashPrice is { } cash ? new { cash } : null,
            payment = options.CashPrice is null ? null : new { window = TimeSpan.FromHours(1) },
        };
    }

    private static async Task<Guid> CreateAsync(HttpClient http, string marketerToken, Uri endpoint, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", marketerToken);
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new SetupException($"POST {endpoint} answered {(int)response.StatusCode}: {text}");
        }

        return System.Text.Json.JsonDocument.Parse(text).RootElement.TryGetProperty("id", out var id) && id.TryGetGuid(out var campaignId)
            ? campaignId
            : throw new SetupException($"POST {endpoint} answered without an id: {text}");
    }
}
