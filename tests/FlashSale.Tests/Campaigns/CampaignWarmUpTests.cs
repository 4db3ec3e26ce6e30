using System.Collections.Immutable;
using FlashSale.GrainInterfaces.Campaigns;
using FlashSale.GrainInterfaces.Risk;
using FlashSale.Tests.Infrastructure;

namespace FlashSale.Tests.Campaigns;

/// <summary>
/// A scheduled campaign's grain is activated by its schedule shortly before its first opening, with
/// the limit counters its claims will ask, and kept active through it, so that the opening second is
/// not spent reading ledgers.
/// </summary>
[Collection(nameof(GrainClusterCollection))]
[Trait("Tier", "Integration")]
public sealed class CampaignWarmUpTests(GrainCluster cluster)
{
    // Reminders:WarmUpLead, as the test cluster's silo runs with it.
    private static readonly TimeSpan WarmUpLead = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_campaign_collected_before_its_opening_is_activated_again_by_its_warm_up_with_its_limit_counters_and_kept_until_it_opens()
    {
        // Gold members open 10 minutes early: the warm-up is due 30 s before theirs, 3 s from now.
        var now = DateTimeOffset.UtcNow;
        var startsAt = now + WarmUpLead + TimeSpan.FromMinutes(10) + TimeSpan.FromSeconds(3);
        var definition = new CampaignDefinition(Guid.NewGuid(), "warm-up test", new CouponTerms(CouponKind.Fixed, "CNY", 5m, null, null, null),
            TotalStock: 10, PerUserLimit: 1, startsAt, startsAt.AddHours(1), new CouponValidity(null, 7), now, "tests",
            EarlyAccess: ImmutableArray.Create(new EarlyAccess("gold", TimeSpan.FromMinutes(10))));
        var campaign = cluster.Client.GetGrain<ICampaignGrain>(definition.Id);
        Assert.NotNull(await campaign.Create(definition, draft: false));

        var management = cluster.Client.GetGrain<IManagementGrain>(0);
        await management.ForceActivationCollection(TimeSpan.Zero);
        Assert.Equal(0, await management.GetGrainActivationCount((GrainReference)campaign));
        var counters = Enumerable.Range(0, LimitBuckets.Count).Select(bucket => (GrainReference)cluster.Client.GetGrain<IShopperLimitsGrain>(bucket)).ToList();
        Assert.Equal(0, (await Task.WhenAll(counters.Select(management.GetGrainActivationCount))).Sum());

        var active = await Eventually.ReturnsAsync(() => management.GetGrainActivationCount((GrainReference)campaign), count => count == 1,
            within: TimeSpan.FromSeconds(20));
        Assert.Equal(1, active);
        var activeCounters = await Eventually.ReturnsAsync(async () => (await Task.WhenAll(counters.Select(management.GetGrainActivationCount))).Sum(),
            count => count == LimitBuckets.Count);
        Assert.Equal(LimitBuckets.Count, activeCounters);

        // Warmed, it stays through idle collection until the opening has passed.
        await management.ForceActivationCollection(TimeSpan.Zero);
        Assert.Equal(1, await management.GetGrainActivationCount((GrainReference)campaign));
    }
}
