using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FlashSale.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR.Client;

namespace FlashSale.Tests.Operations;

/// <summary>
/// The auditor of the books in the running system (its pass every second in Development): rows written around the
/// API, breaking an invariant on purpose, are caught within seconds and raised to operators on the live hub and in
/// the admin report; a real claim race breaks nothing and raises nothing.
/// </summary>
[Trait("Tier", "EndToEnd")]
[Collection(SharedSystem.Name)]
public sealed class BooksAuditorTests(RunningSystem system)
{
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task A_coupon_row_written_around_the_API_is_caught_within_seconds_and_raised_to_operators()
    {
        var campaign = await system.CreateCampaignAsync(10, perUserLimit: 1);
        var shopper = $"audit-{campaign:N}";
        var (coupon, _) = await system.ClaimCouponAsync(await system.TokenAsync(shopper, "shopper"), campaign);
        var heard = new ConcurrentDictionary<string, JsonElement>(StringComparer.Ordinal);
        var both = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var operators = system.LiveConnection(await system.TokenAsync("auditor-ops", "admin"));
        operators.On<JsonElement>("alert", alert =>
        {
            if (alert.GetProperty("campaignId").GetGuid() == campaign && alert.GetProperty("kind").GetString() == "invariant_breach")
            {
                heard[alert.GetProperty("detail").GetString()!.Split(':')[0]] = alert;
                if (heard.ContainsKey("ledger_matches_issued") && heard.ContainsKey("shopper_limit"))
                {
                    both.TrySetResult();
                }
            }
        });
        await operators.StartAsync();

        // A second coupon for the same shopper, inserted straight into the ledger: the counter still says one.
        var forged = await system.Database.ForgeSecondCouponAsync(coupon);

        await both.Task.WaitAsync(Within);
        Assert.Contains("ledger rows 2, highest sequence 2, issued counter 1", heard["ledger_matches_issued"].GetProperty("detail").GetString(),
            StringComparison.Ordinal);
        Assert.Contains("a claim past the limit of 1 per shopper", heard["shopper_limit"].GetProperty("detail").GetString(), StringComparison.Ordinal);

        // The admin report names both, with the forged row among the offending rows.
        using var admin = system.Client(await system.TokenAsync("auditor-admin", "admin"));
        var report = await admin.GetFromJsonAsync<JsonElement>("/api/admin/audit");
        var breaches = report.GetProperty("breaches").EnumerateArray()
            .Where(b => b.GetProperty("campaignId").ValueKind == JsonValueKind.String && b.GetProperty("campaignId").GetGuid() == campaign).ToList();
        Assert.Equal(["ledger_matches_issued", "shopper_limit"], breaches.Select(b => b.GetProperty("invariant").GetString()).Order(StringComparer.Ordinal),
            StringComparer.Ordinal);
        Assert.All(breaches, b => Assert.Contains(forged.ToString(), b.GetProperty("rows").GetString(), StringComparison.Ordinal));
        Assert.True(report.GetProperty("passes").GetInt64() > 0);

        // Raised once: later passes find the same breaches and say nothing more.
        var passes = report.GetProperty("passes").GetInt64();
        await Eventually.ReturnsAsync(async () => (await admin.GetFromJsonAsync<JsonElement>("/api/admin/audit")).GetProperty("passes").GetInt64(),
            p => p >= passes + 2);
        Assert.Equal(2, heard.Count);
    }

    [Fact]
    public async Task A_real_claim_race_breaks_nothing_and_raises_nothing()
    {
        var campaign = await system.CreateCampaignAsync(40, perUserLimit: 2);
        var tokens = await Task.WhenAll(Enumerable.Range(0, 30).Select(i => system.TokenAsync($"audit-race-{campaign:N}-{i}", "shopper")));
        using var client = system.Client(maxConnections: 30);
        var answers = await Task.WhenAll(from token in tokens from attempt in Enumerable.Range(0, 3) select ClaimAsync(client, token, campaign, attempt));
        Assert.Equal(40, answers.Count(a => a == HttpStatusCode.Created));

        // Two passes that began after the race ended have judged it.
        using var admin = system.Client(await system.TokenAsync("auditor-admin", "admin"));
        var passes = (await admin.GetFromJsonAsync<JsonElement>("/api/admin/audit")).GetProperty("passes").GetInt64();
        var report = await Eventually.ReturnsAsync(async () => await admin.GetFromJsonAsync<JsonElement>("/api/admin/audit"),
            r => r.GetProperty("passes").GetInt64() >= passes + 2, Within);
        Assert.True(report.GetProperty("passes").GetInt64() >= passes + 2);
        Assert.DoesNotContain(report.GetProperty("breaches").EnumerateArray(),
            b => b.GetProperty("campaignId").ValueKind == JsonValueKind.String && b.GetProperty("campaignId").GetGuid() == campaign);
        Assert.Equal(40, await system.Database.ScalarAsync<long>("SELECT count(*) FROM coupons WHERE campaign_id = $1", campaign));
    }

    [Fact]
    public async Task Only_admins_read_the_audit()
    {
        using var shopper = system.Client(await system.TokenAsync("audit-curious", "shopper"));
        using var marketing = system.Client(await system.TokenAsync("audit-marketer", "marketing"));
        using var anonymous = system.Client();
        Assert.Equal(HttpStatusCode.Forbidden, (await shopper.GetAsync("/api/admin/audit")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await marketing.GetAsync("/api/admin/audit")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/admin/audit")).StatusCode);
    }

    private static async Task<HttpStatusCode> ClaimAsync(HttpClient client, string token, Guid campaign, int attempt)
    {
        using var request = Infrastructure.Api.ClaimRequest(campaign, $"audit-{attempt}");
        request.Headers.Authorization = new("Bearer", token);
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }
}
