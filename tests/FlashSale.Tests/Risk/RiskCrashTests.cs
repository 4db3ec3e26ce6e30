using System.Net;
using FlashSale.Tests.Infrastructure;

namespace FlashSale.Tests.Risk;

/// <summary>Kills the silo with SIGKILL in the middle of a race on limited campaigns, on the crash system, which no calm test shares.</summary>
[Trait("Tier", "EndToEnd")]
[Collection(CrashSystem.Name)]
public sealed class RiskCrashTests(RunningSystem system, ITestOutputHelper output) : CrashSystemTests
{
    protected override RunningSystem TestSystem => system;

    private const int Devices = 12, AccountsPerDevice = 6;
    private static readonly object Limits = new { maxAccountsPerDevice = 4, maxClaimsPerDevice = 3, maxClaimsPerDevicePerDay = 7, dailyClaimCap = 2 };

    [Fact]
    public async Task A_silo_killed_mid_race_leaves_every_limit_holding_and_the_race_resumes_within_them()
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        var campaigns = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => system.CreateCampaignAsync(1_000, risk: Limits)));
        var shoppers = (
            from d in Enumerable.Range(0, Devices)
            from a in Enumerable.Range(0, AccountsPerDevice)
            select (Device: $"dev-{run}-{d}", Shopper: $"acct-{run}-{d}-{a}")).ToList();
        var tokens = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (_, shopper) in shoppers)
        {
            tokens[shopper] = await system.TokenAsync(shopper, "shopper");
        }

        using var client = system.Client(maxConnections: 64);
        client.Timeout = TimeSpan.FromSeconds(20);
        var firstAcks = new TaskCompletionSource();
        var acknowledged = 0;

        async Task<HttpStatusCode?> Claim(string device, string shopper, Guid campaign, string key)
        {
            try
            {
                using var request = Infrastructure.Api.ClaimRequest(campaign, key, device);
                request.Headers.Authorization = new("Bearer", tokens[shopper]);
                using var response = await client.SendAsync(request);
                if (response.StatusCode == HttpStatusCode.Created && Interlocked.Increment(ref acknowledged) >= 10)
                {
                    firstAcks.TrySetResult();
                }

                return response.StatusCode;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                return null;
            }
        }

        Task<HttpStatusCode?[]> Race(string round, bool retry = false) => Task.WhenAll(
            from attempt in Enumerable.Range(0, 4)
            from s in shoppers
            from campaign in campaigns
            select retry
                ? Retry.UntilAnsweredAsync(() => Claim(s.Device, s.Shopper, campaign, $"{round}-{campaign}-{attempt}"))
                : Claim(s.Device, s.Shopper, campaign, $"{round}-{campaign}-{attempt}"));

        var first = Race("first");
        await firstAcks.Task.WaitAsync(TimeSpan.FromSeconds(60));
        await system.Silo.KillAsync();
        var firstAnswers = await first;
        await AssertWithinLimitsAsync(shoppers);
        var afterCrash = await CountCouponsAsync(campaigns);

        await system.StartSiloAsync();
        var second = await Race("second", retry: true);
        await AssertWithinLimitsAsync(shoppers);
        var afterRestart = await CountCouponsAsync(campaigns);

        output.WriteLine($"first race: {firstAnswers.Count(s => s == HttpStatusCode.Created)} acknowledged, {afterCrash} coupons in the ledger; " +
            $"second race: {second.Count(s => s == HttpStatusCode.Created)} acknowledged, {afterRestart} coupons in the ledger");
        Assert.Contains(firstAnswers, s => s is null or HttpStatusCode.ServiceUnavailable);
        Assert.True(afterRestart > afterCrash, "the race did not resume after the restart");
        Assert.All(second, s => Assert.True(s is HttpStatusCode.Created or HttpStatusCode.Conflict, $"unexpected {s}"));
        foreach (var campaign in campaigns)
        {
            (await LedgerAudit.ReadAsync(system.Database, campaign)).AssertConsistent(perUserLimit: 1);
        }
    }

    private async Task AssertWithinLimitsAsync(List<(string Device, string Shopper)> shoppers)
    {
        foreach (var device in shoppers.Select(s => s.Device).Distinct(StringComparer.Ordinal))
        {
            Assert.InRange(await RiskAudit.DeviceAccountsAsync(system.Database, device), 0, 4);
            Assert.InRange(await RiskAudit.DeviceMaxPerDayAsync(system.Database, device), 0, 7);
            Assert.All((await RiskAudit.DeviceClaimsPerCampaignAsync(system.Database, device)).Values, n => Assert.InRange(n, 0, 3));
        }

        foreach (var (_, shopper) in shoppers)
        {
            Assert.InRange(await RiskAudit.ShopperMaxPerDayAsync(system.Database, shopper), 0, 2);
        }
    }

    private async Task<long> CountCouponsAsync(Guid[] campaigns)
    {
        await using var command = system.Database.CreateCommand("SELECT count(*) FROM coupons WHERE campaign_id = ANY($1)");
        command.Parameters.Add(new() { Value = campaigns });
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
