using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FlashSale.Tests.Infrastructure;

namespace FlashSale.Tests.Operations;

/// <summary>
/// SIGTERM to the only silo in the middle of a race: it leaves the cluster gracefully, and the
/// campaign grain commits the claims it admitted before it goes. On the crash system.
/// </summary>
[Trait("Tier", "EndToEnd")]
[Collection(CrashSystem.Name)]
public sealed class SiloShutdownTests(RunningSystem system, ITestOutputHelper output) : CrashSystemTests
{
    protected override RunningSystem TestSystem => system;

    [Fact]
    public async Task A_terminated_silo_commits_and_answers_the_claims_it_admitted_and_the_stock_adds_up_after_a_restart()
    {
        const int stock = 1_500;
        var campaign = await system.CreateCampaignAsync(totalStock: stock);
        var race = await ClaimRace.PrepareAsync(system, campaign, shoppers: 2_500);
        using var client = system.Client(maxConnections: 64);

        var running = race.RunAsync(client);
        await race.AcknowledgedAsync(200).WaitAsync(TimeSpan.FromSeconds(60));
        var exitCode = await system.Silo.TerminateAsync(within: TimeSpan.FromSeconds(60));
        await running;

        Assert.Equal(0, exitCode);
        // The API node stayed up: every request has an HTTP answer, a coupon, a refusal, or "unavailable, retry".
        Assert.All(race.Endings, e => Assert.Null(e.Error));
        Assert.All(race.Endings, e => Assert.True(
            e.Status is HttpStatusCode.Created or HttpStatusCode.Conflict or HttpStatusCode.ServiceUnavailable, $"{e.Status} {e.Code}"));
        var acknowledged = race.Endings.Where(e => e.Status == HttpStatusCode.Created).Select(e => e.CouponId!.Value).ToHashSet();
        var unavailable = race.Endings.Where(e => e.Status == HttpStatusCode.ServiceUnavailable).ToList();
        output.WriteLine($"{acknowledged.Count} acknowledged, {unavailable.Count} unavailable");
        Assert.NotEmpty(unavailable);

        var audit = await LedgerAudit.ReadAsync(system.Database, campaign);
        audit.AssertConsistent(perUserLimit: 1);
        // Every acknowledged coupon is committed, and nothing committed was answered with an error.
        Assert.Equal(acknowledged, audit.CouponIds.ToHashSet());

        await system.StartSiloAsync();
        using var view = system.Client();
        var campaignView = await Eventually.ReturnsAsync(
            async () => await view.GetAsync($"/api/campaigns/{campaign}"), response => response.IsSuccessStatusCode);
        var body = await campaignView.Content.ReadFromJsonAsync<JsonElement>();
        var (issued, remaining) = (body.GetProperty("issued").GetInt32(), body.GetProperty("remaining").GetInt32());
        Assert.Equal(stock, issued + remaining);
        Assert.Equal(acknowledged.Count, issued);
    }
}
