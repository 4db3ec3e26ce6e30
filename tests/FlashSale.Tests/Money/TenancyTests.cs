using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FlashSale.Tests.Infrastructure;

namespace FlashSale.Tests.Money;

/// <summary>
/// Every campaign belongs to a merchant: its marketing users see and change only their merchant's
/// campaigns, its tills redeem only its coupons; another merchant's campaign answers as if it did
/// not exist. Admins see all; shoppers are shared.
/// </summary>
[Trait("Tier", "EndToEnd")]
[Collection(SharedSystem.Name)]
public sealed class TenancyTests(RunningSystem system)
{
    [Fact]
    public async Task A_marketing_user_never_sees_nor_changes_another_merchants_campaign()
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        using var acme = system.Client(await system.MerchantTokenAsync("anna-" + run, "acme-" + run, "marketing"));
        using var globex = system.Client(await system.MerchantTokenAsync("gus-" + run, "globex-" + run, "marketing"));
        using var admin = system.Client(await system.TokenAsync("root-" + run, "admin"));
        var campaign = await CreateAsync(acme, "Acme sale " + run, draft: false);
        var draft = await CreateAsync(acme, "Acme draft " + run, draft: true);

        foreach (var id in new[] { campaign, draft })
        {
            foreach (var (method, path, body) in Routes(id))
            {
                using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
                using var response = await globex.SendAsync(request);
                var text = await response.Content.ReadAsStringAsync();
                Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{method} {path}: {(int)response.StatusCode} {text}");
                Assert.Equal("campaign_not_found", JsonDocument.Parse(text).RootElement.GetProperty("code").GetString());
            }
        }

        Assert.DoesNotContain(await ListedAsync(globex), c => c == campaign || c == draft);
        Assert.Contains(campaign, await ListedAsync(acme));
        Assert.Contains(draft, await ListedAsync(acme));
        Assert.Contains(campaign, await ListedAsync(admin));
        Assert.Equal("acme-" + run, (await acme.GetFromJsonAsync<JsonElement>($"/api/campaigns/{campaign}")).GetProperty("merchant").GetString());

        // Nothing changed, and the owner and admins still can.
        Assert.Empty(await ChangesAsync(acme, campaign, "paused"));
        Assert.Equal(HttpStatusCode.OK, (await acme.ControlAsync(campaign, "pause")).Status);
        Assert.Equal(HttpStatusCode.OK, (await admin.ControlAsync(campaign, "resume")).Status);

        // Shoppers are every merchant's: the published campaign is theirs to see and claim.
        using var shopper = system.Client(await system.TokenAsync("shopper-" + run, "shopper"));
        Assert.Equal(HttpStatusCode.OK, (await shopper.GetAsync($"/api/campaigns/{campaign}")).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await shopper.ClaimAsync(campaign, "k-" + run)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await shopper.GetAsync($"/api/campaigns/{draft}")).StatusCode);
    }

    [Fact]
    public async Task Tokens_without_a_merchant_work_for_the_default_one_and_a_bad_merchant_claim_is_refused()
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        using var plain = system.Client(await system.TokenAsync("plain-" + run, "marketing"));
        using var named = system.Client(await system.MerchantTokenAsync("named-" + run, "default", "marketing"));
        using var other = system.Client(await system.MerchantTokenAsync("other-" + run, "other-" + run, "marketing"));
        var campaign = await CreateAsync(plain, "Default sale " + run, draft: false);

        Assert.Equal(HttpStatusCode.OK, (await named.GetAsync($"/api/campaigns/{campaign}/changes")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/campaigns/{campaign}/changes")).StatusCode);
        Assert.Equal("default", await ScalarAsync("SELECT merchant_id FROM campaign_stock WHERE campaign_id = $1", campaign));

        using var anonymous = system.Client();
        var refused = await Answer.Of(await anonymous.PostAsJsonAsync("/api/dev/tokens", new { userId = "x", roles = new[] { "marketing" }, merchant = "no spaces" }));
        Assert.Equal((HttpStatusCode.BadRequest, "validation_failed"), (refused.Status, refused.Code));
    }

    private static IEnumerable<(HttpMethod Method, string Path, object? Body)> Routes(Guid id) =>
    [
        (HttpMethod.Get, $"/api/campaigns/{id}", null),
        (HttpMethod.Patch, $"/api/campaigns/{id}", new { name = "Taken over" }),
        (HttpMethod.Post, $"/api/campaigns/{id}/publish", null),
        (HttpMethod.Post, $"/api/campaigns/{id}/pause", null),
        (HttpMethod.Post, $"/api/campaigns/{id}/resume", null),
        (HttpMethod.Post, $"/api/campaigns/{id}/end", null),
        (HttpMethod.Post, $"/api/campaigns/{id}/stock", new { add = 5 }),
        (HttpMethod.Get, $"/api/campaigns/{id}/changes", null),
        (HttpMethod.Get, $"/api/campaigns/{id}/stats", null),
        (HttpMethod.Get, $"/api/campaigns/{id}/coupons.csv", null),
        (HttpMethod.Post, $"/api/campaigns/{id}/secrets", new { secrets = new[] { "SECRET-1" } }),
    ];

    private static async Task<Guid> CreateAsync(HttpClient marketer, string name, bool draft)
    {
        var response = await marketer.PostAsJsonAsync("/api/campaigns", new
        {
            name,
            coupon = new { kind = "fixed", currency = "CNY", amountOff = 5 },
            totalStock = 10,
            perUserLimit = 1,
            startsAt = DateTimeOffset.UtcNow.AddMinutes(-1),
            endsAt = DateTimeOffset.UtcNow.AddHours(1),
            validity = new { days = 7 },
            draft,
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    /// <summary>Every campaign the client's list shows, following the pages (other tests' campaigns share the database).</summary>
    private static async Task<List<Guid>> ListedAsync(HttpClient client)
    {
        var ids = new List<Guid>();
        var query = "/api/campaigns?state=draft,scheduled,open,paused,sold_out&limit=100";
        while (true)
        {
            var page = await client.GetFromJsonAsync<JsonElement>(query);
            ids.AddRange(page.GetProperty("campaigns").EnumerateArray().Select(c => c.GetProperty("id").GetGuid()));
            if (!page.TryGetProperty("next", out var next) || next.ValueKind != JsonValueKind.String)
            {
                return ids;
            }

            query = "/api/campaigns?state=draft,scheduled,open,paused,sold_out&limit=100&after=" + Uri.EscapeDataString(next.GetString()!);
        }
    }

    private static async Task<List<JsonElement>> ChangesAsync(HttpClient marketer, Guid campaign, string action) =>
        [.. (await marketer.GetFromJsonAsync<JsonElement>($"/api/campaigns/{campaign}/changes")).EnumerateArray()
            .Where(c => c.GetProperty("action").GetString() == action)];

    private async Task<object?> ScalarAsync(string sql, Guid parameter)
    {
        await using var command = system.Database.CreateCommand(sql);
        command.Parameters.Add(new() { Value = parameter });
        return await command.ExecuteScalarAsync();
    }
}
