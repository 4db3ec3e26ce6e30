using System.Collections.Concurrent;
using System.Net;
using FlashSale.Tests.Infrastructure;

namespace FlashSale.Tests.Api;

/// <summary>Kills the silo process with SIGKILL mid-race, on the crash system, which no calm test shares.</summary>
[Trait("Tier", "EndToEnd")]
[Collection(CrashSystem.Name)]
public sealed class SiloCrashTests(RunningSystem system, ITestOutputHelper output) : CrashSystemTests
{
    protected override RunningSystem TestSystem => system;

    [Fact]
    public async Task Acknowledged_claims_survive_a_silo_killed_mid_race_and_claiming_resumes()
    {
        const int stock = 4_000, shopperCount = 3_000;
        var campaign = await system.CreateCampaignAsync(totalStock: stock, perUserLimit: 1);
        var run = Guid.NewGuid().ToString("N")[..8];
        var shoppers = Enumerable.Range(0, shopperCount).Select(i => $"crash-{run}-{i}").ToArray();
        var tokens = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var chunk in shoppers.Chunk(64))
        {
            foreach (var (s, t) in await Task.WhenAll(chunk.Select(async s => (s, await system.TokenAsync(s, "shopper")))))
            {
                tokens[s] = t;
            }
        }

        var acknowledged = new ConcurrentDictionary<string, Guid>(StringComparer.Ordinal);
        var unanswered = new ConcurrentBag<string>();
        var firstAcks = new TaskCompletionSource();
        using var client = system.Client(maxConnections: 64);
        client.Timeout = TimeSpan.FromSeconds(20);

        async Task Claim(string shopper)
        {
            try
            {
                using var request = Infrastructure.Api.ClaimRequest(campaign, $"{shopper}-key");
                request.Headers.Authorization = new("Bearer", tokens[shopper]);
                using var response = await client.SendAsync(request);
                if (response.StatusCode == HttpStatusCode.Created)
                {
                    var answer = new ClaimAnswer(response.StatusCode,
                        System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
                    acknowledged[shopper] = answer.CouponId;
                    if (acknowledged.Count >= 300)
                    {
                        firstAcks.TrySetResult();
                    }

                    return;
                }

                Assert.True(response.StatusCode == HttpStatusCode.ServiceUnavailable, $"unexpected {(int)response.StatusCode}");
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // The outcome is unknown to the client; the retry below settles it.
            }

            unanswered.Add(shopper);
        }

        var race = Task.WhenAll(shoppers.Select(Claim));
        await firstAcks.Task.WaitAsync(TimeSpan.FromSeconds(60));
        await system.Silo.KillAsync();
        var ackedAtKill = acknowledged.Count;
        await race;
        output.WriteLine($"{ackedAtKill} acknowledged when the silo was killed, {acknowledged.Count} in all, {unanswered.Count} unanswered");
        Assert.NotEmpty(unanswered);

        // Every acknowledged coupon is in the ledger, and the counter agrees with the rows.
        var afterCrash = await LedgerAudit.ReadAsync(system.Database, campaign);
        afterCrash.AssertConsistent(perUserLimit: 1);
        Assert.Superset(acknowledged.Values.ToHashSet(), afterCrash.CouponIds.ToHashSet());

        await system.StartSiloAsync();

        // Clients retry with the same key: each gets exactly one coupon, the committed one if its claim made it.
        foreach (var shopper in unanswered)
        {
            var answer = await RetryUntilAnsweredAsync(client, campaign, shopper, tokens[shopper]);
            Assert.Equal(HttpStatusCode.Created, answer.Status);
            acknowledged[shopper] = answer.CouponId;
        }

        var afterRetries = await LedgerAudit.ReadAsync(system.Database, campaign);
        afterRetries.AssertConsistent(perUserLimit: 1);
        Assert.Equal(shopperCount, afterRetries.CouponRows);
        Assert.Equal(acknowledged.Values.ToHashSet(), afterRetries.CouponIds);
    }

    [Fact]
    public async Task Sold_out_and_unknown_campaigns_are_refused_by_the_api_node_alone_while_holders_still_reach_their_coupon()
    {
        var madeUp = Guid.NewGuid();
        var madeUpAndFetched = Guid.NewGuid();
        var campaign = await system.CreateCampaignAsync(totalStock: 2);
        using var holder = system.Client(await system.TokenAsync("holder-" + Guid.NewGuid(), "shopper"));
        using var late = system.Client(await system.TokenAsync("late-" + Guid.NewGuid(), "shopper"));
        var held = await holder.ClaimAsync(campaign, "mine");
        Assert.Equal(HttpStatusCode.Created, (await late.ClaimAsync(campaign, "first")).Status);
        Assert.Equal("sold_out", (await system.Client(await system.TokenAsync("probe-" + Guid.NewGuid(), "shopper")).ClaimAsync(campaign, "x")).Code);
        Assert.Equal("campaign_not_found", (await late.ClaimAsync(madeUp, "guess")).Code);
        Assert.Equal(HttpStatusCode.NotFound, (await late.GetAsync($"/api/campaigns/{madeUpAndFetched}")).StatusCode);

        // With no silo at all, the API node still refuses the sold-out campaign: no grain call is made.
        await system.Silo.KillAsync();
        using var loser = system.Client(await system.TokenAsync("loser-" + Guid.NewGuid(), "shopper"));
        var refused = await loser.ClaimAsync(campaign, "too-late");
        Assert.Equal((HttpStatusCode.Conflict, "sold_out"), (refused.Status, refused.Code));
        var unknown = await loser.ClaimAsync(madeUp, "guess-again");
        Assert.Equal((HttpStatusCode.NotFound, "campaign_not_found"), (unknown.Status, unknown.Code));
        Assert.Equal(HttpStatusCode.NotFound, (await loser.GetAsync($"/api/campaigns/{madeUp}")).StatusCode);
        var fetched = await loser.ClaimAsync(madeUpAndFetched, "guess-too");
        Assert.Equal((HttpStatusCode.NotFound, "campaign_not_found"), (fetched.Status, fetched.Code));

        // A holder's replay must reach the grain (only it knows the original coupon): unavailable until the silo is back.
        await system.StartSiloAsync();
        var replay = await RetryUntilAnsweredAsync(holder, campaign, null, null, "mine");
        Assert.Equal(HttpStatusCode.Created, replay.Status);
        Assert.Equal(held.CouponId, replay.CouponId);
    }

    /// <summary>Retries as a client would after a crash: same key, until the cluster answers with something other than 503.</summary>
    private static async Task<ClaimAnswer> RetryUntilAnsweredAsync(HttpClient client, Guid campaign, string? shopper, string? token, string? key = null)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (true)
        {
            try
            {
                using var request = Infrastructure.Api.ClaimRequest(campaign, key ?? $"{shopper}-key");
                if (token is not null)
                {
                    request.Headers.Authorization = new("Bearer", token);
                }

                using var response = await client.SendAsync(request);
                var text = await response.Content.ReadAsStringAsync();
                if (response.StatusCode != HttpStatusCode.ServiceUnavailable || DateTime.UtcNow > deadline)
                {
                    return new ClaimAnswer(response.StatusCode, System.Text.Json.JsonDocument.Parse(text).RootElement.Clone());
                }

                // Retry-After says when; honour it as a client would.
                await Task.Delay(response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1));
            }
            catch (TaskCanceledException) when (DateTime.UtcNow < deadline)
            {
            }
        }
    }
}
