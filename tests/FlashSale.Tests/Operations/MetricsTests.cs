using System.Net;
using FlashSale.Tests.Infrastructure;

namespace FlashSale.Tests.Operations;

/// <summary>
/// Prometheus scrapes of the API node and the silo after a known set of claims. The system is this
/// class's alone, so every count is exact.
/// </summary>
[Trait("Tier", "EndToEnd")]
public sealed class MetricsTests(RunningSystem system) : IClassFixture<RunningSystem>
{
    [Fact]
    public async Task Claims_refusals_and_group_commits_are_counted_with_their_labels_beside_orleans_and_aspnetcore_metrics()
    {
        const int stock = 5;
        var campaign = await system.CreateCampaignAsync(totalStock: stock);
        var shoppers = Enumerable.Range(0, 8).Select(i => $"metrics-{i}").ToArray();
        var answers = new List<ClaimAnswer>();
        foreach (var shopper in shoppers)
        {
            using var client = system.Client(await system.TokenAsync(shopper, "shopper"));
            answers.Add(await client.ClaimAsync(campaign, $"{shopper}-key"));
        }

        using var first = system.Client(await system.TokenAsync(shoppers[0], "shopper"));
        Assert.Equal(HttpStatusCode.Created, (await first.ClaimAsync(campaign, $"{shoppers[0]}-key")).Status);
        // A holder's claims go past the node's sold-out gate: only the grain knows their limit.
        Assert.Equal("limit_reached", (await first.ClaimAsync(campaign, $"{shoppers[0]}-second")).Code);
        Assert.Equal("campaign_not_found", (await first.ClaimAsync(Guid.NewGuid(), "made-up")).Code);
        using var noKey = new HttpRequestMessage(HttpMethod.Post, $"/api/campaigns/{campaign}/claims");
        Assert.Equal(HttpStatusCode.BadRequest, (await first.SendAsync(noKey)).StatusCode);
        using var admin = await system.AdminAsync();
        await admin.BlockAsync("device", "metrics-blocked-phone");
        Assert.Equal("risk_blocked", (await first.ClaimAsync(campaign, $"{shoppers[0]}-blocked", "metrics-blocked-phone")).Code);

        Assert.Equal(stock, answers.Count(a => a.Status == HttpStatusCode.Created));
        var soldOut = answers.Count(a => a.Code == "sold_out");
        Assert.Equal(shoppers.Length - stock, soldOut);

        using var apiClient = system.Client();
        var api = await Eventually.ReturnsAsync(() => PrometheusScrape.ReadAsync(apiClient),
            scrape => scrape.Sum("flashsale_claims_total") >= shoppers.Length + 5);
        Assert.Equal(stock, api.Sum("flashsale_claims_total", ("outcome", "issued")));
        Assert.Equal(1, api.Sum("flashsale_claims_total", ("outcome", "replayed")));
        Assert.Equal(soldOut + 4, api.Sum("flashsale_claims_total", ("outcome", "refused")));
        Assert.Equal(1, api.Sum("flashsale_claim_refusals_total", ("code", "risk_blocked"), ("refused_by", "api")));
        // The risk screening's own time: every claim that reached it (those issued and replayed at least), the blocked one as stopped.
        const string screening = "flashsale_risk_screening_duration_seconds";
        Assert.Equal(1, api.Sum($"{screening}_count", ("outcome", "stopped")));
        Assert.InRange(api.Sum($"{screening}_count", ("outcome", "through")), stock + 1, shoppers.Length + 2);
        Assert.Equal(api.Sum($"{screening}_count"), api.Sum($"{screening}_bucket", ("le", "+Inf")));
        Assert.True(api.Sum($"{screening}_bucket", ("le", "0.001")) >= 1, "no screening took under a millisecond");
        // Sold out: from the node's gate once the grain has pushed it there, from the grain until then.
        Assert.Equal(soldOut, api.Sum("flashsale_claim_refusals_total", ("code", "sold_out"), ("refused_by", "api"))
            + api.Sum("flashsale_claim_refusals_total", ("code", "sold_out"), ("refused_by", "grain")));
        Assert.Equal(1, api.Sum("flashsale_claim_refusals_total", ("code", "limit_reached"), ("refused_by", "grain")));
        Assert.Equal(1, api.Sum("flashsale_claim_refusals_total", ("code", "campaign_not_found"), ("refused_by", "api")));
        Assert.Equal(1, api.Sum("flashsale_claim_refusals_total", ("code", "invalid_header"), ("refused_by", "api")));
        Assert.True(api.Sum("http_server_request_duration_seconds_count", ("http_route", "/api/campaigns/{id}/claims")) >= shoppers.Length + 4);
        Assert.True(api.Has("orleans_"), "the API node's Orleans client exports no Orleans metric");

        using var siloClient = new HttpClient { BaseAddress = system.SiloAddress };
        var silo = await PrometheusScrape.ReadAsync(siloClient);
        Assert.Equal(stock, silo.Sum("flashsale_group_commit_size_sum"));
        var commits = silo.Sum("flashsale_group_commit_size_count");
        Assert.InRange(commits, 1, stock);
        Assert.Equal(commits, silo.Sum("flashsale_group_commit_duration_milliseconds_count"));
        Assert.Equal(commits, silo.Sum("flashsale_group_commit_size_bucket", ("le", "+Inf")));
        Assert.True(silo.Sum("flashsale_group_commit_duration_milliseconds_sum") > 0);
        Assert.True(silo.Sum("orleans_catalog_activations") >= 1, "the silo exports no Orleans activation count");
    }
}
