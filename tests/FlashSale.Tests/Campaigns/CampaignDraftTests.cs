using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FlashSale.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace FlashSale.Tests.Campaigns;

/// <summary>Drafts, edits before the opening, and publishing, over HTTP, with their audit.</summary>
[Trait("Tier", "EndToEnd")]
[Collection(SharedSystem.Name)]
public sealed class CampaignDraftTests(RunningSystem system)
{
    [Fact]
    public async Task A_draft_is_invisible_to_shoppers_until_published_and_editable_until_it_opens()
    {
        var marketer = "drafter-" + Guid.NewGuid().ToString("N")[..8];
        using var marketing = await system.MarketerAsync(marketer);
        var startsAt = UniquePast();
        var created = await marketing.PostAsJsonAsync("/api/campaigns", CampaignBody("Draft drop", 20, startsAt, draft: true));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var draft = await created.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("draft", draft.GetProperty("state").GetString());
        var campaign = draft.GetProperty("id").GetGuid();

        // To shoppers and anonymous callers it does not exist, though its start has passed.
        Assert.Equal(HttpStatusCode.NotFound, (await system.Client().GetAsync($"/api/campaigns/{campaign}")).StatusCode);
        var claim = await system.ClaimAsShopperAsync(campaign, "early-bird", "k1");
        Assert.Equal((HttpStatusCode.NotFound, "campaign_not_found"), (claim.Status, claim.Code));
        await using (var anonymous = new HubConnectionBuilder().WithUrl(new Uri(system.BaseAddress, "/hubs/live")).Build())
        {
            await anonymous.StartAsync();
            var hidden = await Assert.ThrowsAsync<HubException>(() => anonymous.InvokeAsync<JsonElement>("Subscribe", campaign));
            Assert.Contains("campaign_not_found", hidden.Message);
        }

        Assert.Empty(await ListedAsync(system.Client(), Around(startsAt)));
        Assert.Equal([campaign], await ListedAsync(marketing, Around(startsAt)));
        Assert.Equal("draft", (await marketing.GetFromJsonAsync<JsonElement>($"/api/campaigns/{campaign}")).GetProperty("state").GetString());

        // Edits: refused fields change nothing; accepted ones are audited with what they replaced.
        Assert.Equal("validation_failed", (await PatchAsync(marketing, campaign, new { totalStock = 0 })).Body.Code());
        Assert.Equal("validation_failed", (await PatchAsync(marketing, campaign, new { cardSecrets = true })).Body.Code());
        Assert.Equal("malformed_json", (await PatchAsync(marketing, campaign, new { totalStock = "many" })).Body.Code());
        Assert.Equal(20, (await LedgerAudit.ReadAsync(system.Database, campaign)).TotalStock);
        var (status, edited) = await PatchAsync(marketing, campaign, new { name = "Draft drop, final", totalStock = 30 });
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(("Draft drop, final", 30), (edited.GetProperty("name").GetString(), edited.GetProperty("totalStock").GetInt32()));
        Assert.Equal(30, (await LedgerAudit.ReadAsync(system.Database, campaign)).TotalStock);

        Assert.Equal(HttpStatusCode.OK, (await marketing.ControlAsync(campaign, "publish")).Status);
        Assert.Equal("already_published", (await marketing.ControlAsync(campaign, "publish")).Body.Code());
        Assert.Equal(HttpStatusCode.Created, (await system.ClaimAsShopperAsync(campaign, "early-bird", "k2")).Status);
        Assert.Equal("already_opened", (await PatchAsync(marketing, campaign, new { totalStock = 40 })).Body.Code());
        Assert.Equal(30, (await LedgerAudit.ReadAsync(system.Database, campaign)).TotalStock);

        var changes = (await marketing.GetFromJsonAsync<JsonElement>($"/api/campaigns/{campaign}/changes")).EnumerateArray().ToList();
        Assert.Equal(["created", "edited", "published"], changes.Select(c => c.GetProperty("action").GetString()), StringComparer.Ordinal);
        Assert.True(changes[0].GetProperty("details").GetProperty("draft").GetBoolean());
        var what = changes[1].GetProperty("details");
        Assert.Equal((20, 30), (what.GetProperty("totalStock").GetProperty("from").GetInt32(), what.GetProperty("totalStock").GetProperty("to").GetInt32()));
        Assert.Equal("Draft drop, final", what.GetProperty("name").GetProperty("to").GetString());
        Assert.All(changes, c => Assert.Equal(marketer, c.GetProperty("actor").GetString()));
    }

    [Fact]
    public async Task Moving_a_scheduled_opening_forward_opens_the_sale_at_the_new_time_on_every_path()
    {
        var campaign = await system.CreateCampaignAsync(10, startsAt: DateTimeOffset.UtcNow.AddHours(1));
        using var marketing = await system.MarketerAsync("rescheduler");
        // The API node learns the first gate from this refusal.
        var before = await system.ClaimAsShopperAsync(campaign, "waiting", "k1");
        Assert.Equal((HttpStatusCode.Conflict, "not_started"), (before.Status, before.Code));

        var startsAt = DateTimeOffset.UtcNow.AddSeconds(2);
        var (status, edited) = await PatchAsync(marketing, campaign, new { startsAt });
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("scheduled", edited.GetProperty("state").GetString());
        var refused = await system.ClaimAsShopperAsync(campaign, "waiting", "k2");
        Assert.Equal("not_started", refused.Code);
        Assert.Equal(startsAt.ToUnixTimeMilliseconds(), refused.Body.GetProperty("startsAt").GetDateTimeOffset().ToUnixTimeMilliseconds());

        var opened = await Eventually.ReturnsAsync(() => system.ClaimAsShopperAsync(campaign, "waiting", $"k-{Guid.NewGuid():N}"),
            answer => answer.Status == HttpStatusCode.Created);
        Assert.Equal(HttpStatusCode.Created, opened.Status);
        Assert.True(opened.Body.GetProperty("issuedAt").GetDateTimeOffset() >= startsAt);
        Assert.Equal("already_opened", (await PatchAsync(marketing, campaign, new { name = "too late" })).Body.Code());
    }

    [Fact]
    public async Task The_campaign_list_filters_by_state_and_window_and_pages_without_gaps_or_repeats()
    {
        // A window of its own, days ahead, so that other tests' campaigns stay out of it.
        var windowStart = WholeSeconds(DateTimeOffset.UtcNow.AddDays(30 + Random.Shared.Next(0, 300)).AddMinutes(Random.Shared.Next(0, 1000)));
        using var marketing = await system.MarketerAsync("lister");
        var scheduled = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            scheduled.Add(await system.CreateCampaignAsync(5, startsAt: windowStart.AddMinutes(i), endsAt: windowStart.AddHours(2)));
        }

        var window = $"from={Uri.EscapeDataString(windowStart.ToString("O"))}&to={Uri.EscapeDataString(windowStart.AddMinutes(5).ToString("O"))}";
        var paged = new List<Guid>();
        string? next = null;
        do
        {
            var page = await marketing.GetFromJsonAsync<JsonElement>($"/api/campaigns?{window}&limit=2" + (next is null ? "" : $"&after={next}"));
            paged.AddRange(page.GetProperty("campaigns").EnumerateArray().Select(c => c.GetProperty("id").GetGuid()));
            next = page.TryGetProperty("next", out var cursor) ? cursor.GetString() : null;
        }
        while (next is not null);
        Assert.Equal(scheduled, paged);

        // By state: open, paused, ended, and the default that leaves ended ones out.
        var opened = UniquePast();
        var endsAt = DateTimeOffset.UtcNow.AddHours(1);
        var open = await system.CreateCampaignAsync(5, startsAt: opened, endsAt: endsAt);
        var paused = await system.CreateCampaignAsync(5, startsAt: opened.AddMilliseconds(1), endsAt: endsAt);
        await marketing.ControlAsync(paused, "pause");
        var ended = await system.CreateCampaignAsync(5, startsAt: opened.AddMilliseconds(2), endsAt: endsAt);
        await marketing.ControlAsync(ended, "end");
        var anyone = system.Client();
        Assert.Equal([open], await ListedAsync(anyone, $"state=open&{Around(opened)}"));
        Assert.Equal([paused], await ListedAsync(anyone, $"state=paused&{Around(opened)}"));
        Assert.Equal([ended], await ListedAsync(anyone, $"state=ended&{Around(opened)}"));
        Assert.Equal([open, ended], await ListedAsync(anyone, $"state=open,ended&{Around(opened)}"));
        Assert.Equal([open, paused], await ListedAsync(anyone, Around(opened)));
        Assert.Equal(scheduled.Take(1), await ListedAsync(anyone, $"state=scheduled&{window}&limit=1"));

        foreach (var query in new[] { "state=bogus", "state=", "from=yesterday", "limit=0", "limit=101", "after=not-a-cursor" })
        {
            using var response = await anyone.GetAsync($"/api/campaigns?{query}");
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        }

        using var drafts = await anyone.GetAsync("/api/campaigns?state=draft");
        Assert.Equal(HttpStatusCode.Forbidden, drafts.StatusCode);
    }

    /// <summary>An opening days in the past that no other test uses: a window around it lists only this test's campaigns.</summary>
    private static DateTimeOffset UniquePast() => WholeSeconds(DateTimeOffset.UtcNow.AddDays(-10).AddSeconds(-Random.Shared.Next(0, 10_000_000)));

    // PostgreSQL keeps microseconds: whole seconds compare the same on both sides.
    private static DateTimeOffset WholeSeconds(DateTimeOffset at) => new(at.UtcTicks - (at.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);

    private static string Around(DateTimeOffset startsAt) =>
        $"from={Uri.EscapeDataString(startsAt.ToString("O"))}&to={Uri.EscapeDataString(startsAt.AddSeconds(1).ToString("O"))}";

    private static object CampaignBody(string name, int stock, DateTimeOffset startsAt, bool draft) => new
    {
        name,
        coupon = new { kind = "fixed", currency = "CNY", amountOff = 10 },
        totalStock = stock,
        startsAt,
        endsAt = DateTimeOffset.UtcNow.AddHours(2),
        validity = new { days = 7 },
        draft,
    };

    private static async Task<List<Guid>> ListedAsync(HttpClient client, string query)
    {
        var page = await client.GetFromJsonAsync<JsonElement>($"/api/campaigns?{query}");
        return [.. page.GetProperty("campaigns").EnumerateArray().Select(c => c.GetProperty("id").GetGuid())];
    }

    private static async Task<(HttpStatusCode Status, JsonElement Body)> PatchAsync(HttpClient client, Guid campaign, object patch)
    {
        using var response = await client.PatchAsJsonAsync($"/api/campaigns/{campaign}", patch);
        return (response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>());
    }
}
