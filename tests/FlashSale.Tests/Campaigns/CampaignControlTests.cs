using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FlashSale.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR.Client;

namespace FlashSale.Tests.Campaigns;

/// <summary>Marketing's controls during a sale over HTTP: pause, resume, end now, top up, and their audit.</summary>
[Trait("Tier", "EndToEnd")]
[Collection(SharedSystem.Name)]
public sealed class CampaignControlTests(RunningSystem system)
{
    [Fact]
    public async Task A_paused_sale_refuses_claims_until_it_resumes_and_dashboards_hear_both()
    {
        var campaign = await system.CreateCampaignAsync(10);
        var marketer = "pauser-" + campaign.ToString("N")[..8];
        using var marketing = await system.MarketerAsync(marketer);
        await using var dashboard = new HubConnectionBuilder().WithUrl(new Uri(system.BaseAddress, "/hubs/live")).Build();
        var states = new BlockingCollection<string>();
        dashboard.On<JsonElement>("stateChanged", change => states.Add(change.GetProperty("state").GetString()!));
        await dashboard.StartAsync();
        await dashboard.InvokeAsync<JsonElement>("Subscribe", campaign);

        Assert.Equal(HttpStatusCode.Created, (await system.ClaimAsShopperAsync(campaign, "before-pause", "k1")).Status);

        var (status, paused) = await marketing.ControlAsync(campaign, "pause");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("paused", paused.GetProperty("state").GetString());
        Assert.Equal("paused", states.Take(new CancellationTokenSource(TimeSpan.FromSeconds(10)).Token));

        // Twice, from different shoppers: the second may be refused by the API node's own gate.
        foreach (var shopper in new[] { "during-pause-1", "during-pause-2" })
        {
            var refused = await system.ClaimAsShopperAsync(campaign, shopper, "k1");
            Assert.Equal((HttpStatusCode.Conflict, "paused"), (refused.Status, refused.Code));
        }

        // A replay still gets its original coupon while paused.
        Assert.Equal(HttpStatusCode.Created, (await system.ClaimAsShopperAsync(campaign, "before-pause", "k1")).Status);
        Assert.Equal("already_paused", (await marketing.ControlAsync(campaign, "pause")).Body.Code());

        Assert.Equal(HttpStatusCode.OK, (await marketing.ControlAsync(campaign, "resume")).Status);
        Assert.Equal("open", states.Take(new CancellationTokenSource(TimeSpan.FromSeconds(10)).Token));
        Assert.Equal(HttpStatusCode.Created, (await system.ClaimAsShopperAsync(campaign, "during-pause-1", "k2")).Status);
        Assert.Equal("not_paused", (await marketing.ControlAsync(campaign, "resume")).Body.Code());

        var changes = await marketing.GetFromJsonAsync<JsonElement>($"/api/campaigns/{campaign}/changes");
        Assert.Equal(["created", "paused", "resumed"], changes.EnumerateArray().Select(c => c.GetProperty("action").GetString()), StringComparer.Ordinal);
        Assert.All(changes.EnumerateArray().Skip(1), c => Assert.Equal(marketer, c.GetProperty("actor").GetString()));
        Assert.Equal(2, await LedgerAudit.IssuedAsync(system.Database, campaign));
    }

    [Fact]
    public async Task Ending_early_closes_the_sale_for_good_and_records_the_planned_end()
    {
        var plannedEnd = DateTimeOffset.UtcNow.AddHours(2);
        var campaign = await system.CreateCampaignAsync(10, endsAt: plannedEnd);
        using var marketing = await system.MarketerAsync("ender-" + campaign.ToString("N")[..8]);

        var (status, ended) = await marketing.ControlAsync(campaign, "end");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("ended", ended.GetProperty("state").GetString());
        Assert.True(ended.GetProperty("endsAt").GetDateTimeOffset() <= DateTimeOffset.UtcNow);

        var refused = await system.ClaimAsShopperAsync(campaign, "too-late", "k1");
        Assert.Equal((HttpStatusCode.Conflict, "ended"), (refused.Status, refused.Code));
        foreach (var action in new[] { "pause", "resume", "end" })
        {
            Assert.Equal("campaign_ended", (await marketing.ControlAsync(campaign, action)).Body.Code());
        }

        Assert.Equal("campaign_ended", (await marketing.ControlAsync(campaign, "stock", new { add = 5 })).Body.Code());

        await using var command = system.Database.CreateCommand(
            """
            SELECT s.ends_at <= now(), (c.details->>'plannedEndsAt')::timestamptz
              FROM campaign_stock s JOIN campaign_changes c USING (campaign_id)
             WHERE campaign_id = $1 AND c.action = 'ended'
            """);
        command.Parameters.Add(new() { Value = campaign });
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.True(reader.GetBoolean(0));
        Assert.InRange((reader.GetFieldValue<DateTimeOffset>(1) - plannedEnd).Duration(), TimeSpan.Zero, TimeSpan.FromMilliseconds(1));

        // The schedule closes the results at the new end, not the planned one.
        var closed = await Eventually.ReturnsAsync(async () =>
        {
            await using var count = system.Database.CreateCommand("SELECT count(*) FROM campaign_final_results WHERE campaign_id = $1");
            count.Parameters.Add(new() { Value = campaign });
            return (long)(await count.ExecuteScalarAsync())!;
        }, n => n == 1);
        Assert.Equal(1, closed);
    }

    [Fact]
    public async Task Topping_up_during_a_race_and_after_selling_out_never_oversells()
    {
        var campaign = await system.CreateCampaignAsync(50);
        using var marketing = await system.MarketerAsync("topper-" + campaign.ToString("N")[..8]);
        var tokens = await Task.WhenAll(Enumerable.Range(0, 220).Select(i => system.TokenAsync($"topup-{campaign:N}-{i}", "shopper")));
        using var client = system.Client(maxConnections: 32);

        async Task<HttpStatusCode> Claim(int i)
        {
            using var request = Infrastructure.Api.ClaimRequest(campaign, $"key-{i}", $"device-{i}");
            request.Headers.Authorization = new("Bearer", tokens[i]);
            using var response = await client.SendAsync(request);
            return response.StatusCode;
        }

        // 150 shoppers race for 50 coupons while 30 more are added: every winner is in the ledger, and no more.
        var race = Task.WhenAll(Enumerable.Range(0, 150).Select(Claim));
        var (topUp, toppedUp) = await marketing.ControlAsync(campaign, "stock", new { add = 30 });
        Assert.Equal(HttpStatusCode.OK, topUp);
        Assert.Equal(80, toppedUp.GetProperty("totalStock").GetInt32());
        var won = (await race).Count(s => s == HttpStatusCode.Created);
        Assert.InRange(won, 50, 80);
        Assert.Equal(won, await LedgerAudit.IssuedAsync(system.Database, campaign));

        // The next shoppers take exactly what the race left.
        var rest = await Task.WhenAll(Enumerable.Range(150, 40).Select(Claim));
        Assert.Equal(80 - won, rest.Count(s => s == HttpStatusCode.Created));
        Assert.Equal(80, await LedgerAudit.IssuedAsync(system.Database, campaign));
        Assert.Equal("sold_out", (await marketing.GetFromJsonAsync<JsonElement>($"/api/campaigns/{campaign}")).GetProperty("state").GetString());

        // Sold out, then topped up: it opens again for exactly the coupons added.
        Assert.Equal(HttpStatusCode.OK, (await marketing.ControlAsync(campaign, "stock", new { add = 10 })).Status);
        var reopened = await Task.WhenAll(Enumerable.Range(190, 30).Select(Claim));
        Assert.Equal(10, reopened.Count(s => s == HttpStatusCode.Created));
        var audit = await LedgerAudit.ReadAsync(system.Database, campaign);
        Assert.Equal((90, 90, 90, 1, 0), (audit.TotalStock, audit.IssuedCounter, audit.CouponRows, audit.MaxPerShopper, audit.DuplicateKeys));

        var changes = await marketing.GetFromJsonAsync<JsonElement>($"/api/campaigns/{campaign}/changes");
        Assert.Equal([30, 10], changes.EnumerateArray().Where(c => c.GetProperty("action").GetString() == "topped_up")
            .Select(c => c.GetProperty("details").GetProperty("add").GetInt32()));
    }

    [Fact]
    public async Task Controls_refuse_bad_input_and_other_roles_and_change_nothing()
    {
        var campaign = await system.CreateCampaignAsync(10);
        using var marketing = await system.MarketerAsync("careful-" + campaign.ToString("N")[..8]);
        using var shopper = system.Client(await system.TokenAsync("not-a-marketer", "shopper"));

        Assert.Equal(HttpStatusCode.Forbidden, (await shopper.ControlAsync(campaign, "pause")).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await system.Client().ControlAsync(campaign, "end")).Status);
        Assert.Equal("campaign_not_found", (await marketing.ControlAsync(Guid.NewGuid(), "pause")).Body.Code());
        using var notAnId = await marketing.PostAsync("/api/campaigns/not-an-id/pause", null);
        Assert.Equal(HttpStatusCode.NotFound, notAnId.StatusCode);
        foreach (var body in new object[] { new { add = 0 }, new { add = -5 }, new { }, new { add = 10_000_001 } })
        {
            var (status, problem) = await marketing.ControlAsync(campaign, "stock", body);
            Assert.Equal((HttpStatusCode.BadRequest, "validation_failed"), (status, problem.Code()));
        }

        Assert.Equal("stock_too_large", (await marketing.ControlAsync(campaign, "stock", new { add = 9_999_995 })).Body.Code());
        using var notJson = await marketing.PostAsync($"/api/campaigns/{campaign}/stock", new StringContent("{", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, notJson.StatusCode);

        var changes = await marketing.GetFromJsonAsync<JsonElement>($"/api/campaigns/{campaign}/changes");
        Assert.Equal(["created"], changes.EnumerateArray().Select(c => c.GetProperty("action").GetString()), StringComparer.Ordinal);
        var view = await marketing.GetFromJsonAsync<JsonElement>($"/api/campaigns/{campaign}");
        Assert.Equal((10, "open"), (view.GetProperty("totalStock").GetInt32(), view.GetProperty("state").GetString()));
    }
}
