using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FlashSale.Tests.Infrastructure;

namespace FlashSale.Tests.Campaigns;

/// <summary>A pause outlives SIGKILLed processes; has its own system so no other test sees the crash.</summary>
public sealed class CampaignControlCrashTests(RunningSystem system) : IClassFixture<RunningSystem>
{
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
        await using var api = await system.StartApiAsync(system.BaseAddress);

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
        Assert.Equal(["created", "paused", "resumed"], changes.EnumerateArray().Select(c => c.GetProperty("action").GetString()));
    }
}
