using System.Net;
using FlashSale.Tests.Infrastructure;

namespace FlashSale.Tests.Operations;

/// <summary>SIGTERM to the API node in the middle of a race, as an orchestrator stops a pod; on the crash system.</summary>
[Trait("Tier", "EndToEnd")]
[Collection(CrashSystem.Name)]
public sealed class ApiShutdownTests(RunningSystem system, ITestOutputHelper output) : CrashSystemTests
{
    protected override RunningSystem TestSystem => system;

    [Fact]
    public async Task A_terminated_api_node_answers_every_claim_it_took_before_it_exits_and_drops_none()
    {
        const int stock = 1_500;
        var campaign = await system.CreateCampaignAsync(totalStock: stock);
        var race = await ClaimRace.PrepareAsync(system, campaign, shoppers: 2_500);
        using var client = system.Client(maxConnections: 64);

        var running = race.RunAsync(client);
        await race.AcknowledgedAsync(200).WaitAsync(TimeSpan.FromSeconds(60));
        var exitCode = await system.Api.TerminateAsync(within: TimeSpan.FromSeconds(40));
        await running;

        Assert.Equal(0, exitCode);
        // A request that found no listener was never taken; any other failure is a request the node took and dropped.
        var neverTaken = race.Endings.Count(e => e.Error is HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError });
        var dropped = race.Endings.Where(e => e.Error is not null && e.Error is not HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError }).ToList();
        Assert.True(dropped.Count == 0, $"{dropped.Count} requests dropped, e.g. {dropped.FirstOrDefault()?.Error}");
        Assert.True(neverTaken > 0, "the node exited only after the race: SIGTERM came too late to test anything");

        var answered = race.Endings.Where(e => e.Status is not null).ToList();
        Assert.All(answered, e => Assert.True(e.Status is HttpStatusCode.Created or HttpStatusCode.Conflict, $"{e.Status} {e.Code}"));
        var acknowledged = answered.Where(e => e.Status == HttpStatusCode.Created).Select(e => e.CouponId!.Value).ToHashSet();
        output.WriteLine($"{acknowledged.Count} acknowledged, {answered.Count} answered, {neverTaken} never taken");

        var audit = await LedgerAudit.ReadAsync(system.Database, campaign);
        audit.AssertConsistent(perUserLimit: 1);
        Assert.Superset(acknowledged, audit.CouponIds.ToHashSet());
    }
}
