using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FlashSale.Tests.Infrastructure;

namespace FlashSale.Tests.Campaigns;

/// <summary>A pause outlives SIGKILLed processes, and gates stay honest across them; on the crash system, which no calm test shares.</summary>
[Trait("Tier", "EndToEnd")]
[Collection(CrashSystem.Name)]
public sealed class CampaignControlCrashTests(RunningSystem system) : CrashSystemTests
{
    protected override RunningSystem TestSystem => system;

    [Fact]
    public async Task A_pause_survives_the_silo_and_api_node_killed_and_restarted()
    {
        var campaign = await system.CreateCampaignAsync(10);
        using var marketing = await system.MarketerAsync("crash-pauser");
        Assert.Equal(HttpStatusCode.OK, (await marketing.ControlAsync(campaign, "pause")).Status);

        // Both killed, so that no API node keeps the paused gate it learned: only the ledger remembers.
        await system.Api.KillAsync();
        await system.Silo.KillAsync();
        await system.StartSiloAsync();
        await system.RestartApiAsync();

        var state = await Retry.UntilAnsweredAsync(async () =>
        {
            using var response = await system.Client().GetAsync($"/api/campaigns/{campaign}");
            return response.StatusCode;
        });
        Assert.Equal(HttpStatusCode.OK, state);
        var view = await system.Client().GetFromJsonAsync<JsonElement>($"/api/campaigns/{campaign}");
        Assert.Equal("paused", view.GetProperty("state").GetString());
        var refused = await system.ClaimAsShopperAsync(campaign, "after-crash", "k1");
        Assert.Equal((HttpStatusCode.Conflict, "paused"), (refused.Status, refused.Code));

        Assert.Equal(HttpStatusCode.OK, (await marketing.ControlAsync(campaign, "resume")).Status);
        Assert.Equal(HttpStatusCode.Created, (await system.ClaimAsShopperAsync(campaign, "after-crash", "k2")).Status);
        var changes = await marketing.GetFromJsonAsync<JsonElement>($"/api/campaigns/{campaign}/changes");
        Assert.Equal(["created", "paused", "resumed"], changes.EnumerateArray().Select(c => c.GetProperty("action").GetString()), StringComparer.Ordinal);
    }

    /// <summary>
    /// After a silo is killed the live hub has lost its subscribers until they renew (20 s), so the
    /// gates the restarted grains give out reach a node only with its own refusals: a node that
    /// learned "paused" or "sold out" that way misses the resume or the top-up. A claim admitted
    /// after it through another node must still replay through this one, not be refused.
    /// </summary>
    [Fact]
    public async Task Claims_admitted_after_a_resume_or_a_top_up_replay_through_a_node_that_missed_it()
    {
        var paused = await system.CreateCampaignAsync(10);
        var soldOut = await system.CreateCampaignAsync(1);
        using var marketing = await system.MarketerAsync("gate-keeper");
        Assert.Equal(HttpStatusCode.OK, (await marketing.ControlAsync(paused, "pause")).Status);
        Assert.Equal(HttpStatusCode.Created, (await system.ClaimAsShopperAsync(soldOut, "gate-first", "f1")).Status);
        var otherNode = new Uri($"http://127.0.0.1:{Repo.FreePort()}");
        await using var otherApi = await system.StartApiAsync(otherNode);

        await system.Silo.KillAsync();
        await system.StartSiloAsync();
        using var strangerThere = await ShopperAsync("gate-stranger", otherNode);
        Assert.Equal("paused", (await AnsweredAsync(() => strangerThere.ClaimAsync(paused, "s1"))).Code);
        Assert.Equal("sold_out", (await AnsweredAsync(() => strangerThere.ClaimAsync(soldOut, "s2"))).Code);
        Assert.Equal(HttpStatusCode.OK, (await marketing.ControlAsync(paused, "resume")).Status);
        Assert.Equal(HttpStatusCode.OK, (await marketing.ControlAsync(soldOut, "stock", new { add = 1 })).Status);

        using var winnerHere = await ShopperAsync("gate-winner", system.BaseAddress);
        using var winnerThere = await ShopperAsync("gate-winner", otherNode);
        foreach (var campaign in new[] { paused, soldOut })
        {
            var won = await winnerHere.ClaimAsync(campaign, "w-" + campaign);
            Assert.Equal(HttpStatusCode.Created, won.Status);
            var replayed = await winnerThere.ClaimAsync(campaign, "w-" + campaign);
            Assert.True(replayed.Status == HttpStatusCode.Created, $"the replay was answered {(int)replayed.Status} {replayed.Code}");
            Assert.Equal(won.CouponId, replayed.CouponId);
        }
    }

    // The node's gateway connection comes back a moment after the silo does.
    private static async Task<ClaimAnswer> AnsweredAsync(Func<Task<ClaimAnswer>> claim)
    {
        ClaimAnswer? answer = null;
        await Retry.UntilAnsweredAsync(async () => (answer = await claim()).Status);
        return answer!;
    }

    private async Task<HttpClient> ShopperAsync(string shopper, Uri node)
    {
        var client = system.Client(await system.TokenAsync(shopper, "shopper"));
        client.BaseAddress = node;
        return client;
    }
}
