using FlashSale.GrainInterfaces.Campaigns;
using FlashSale.GrainInterfaces.Claims;
using FlashSale.Grains.Ledger;
using FlashSale.Tests.Infrastructure;
using Orleans.Runtime;

namespace FlashSale.Tests.Grains;

[Collection(nameof(GrainClusterCollection))]
[Trait("Tier", "Integration")]
public sealed class CampaignGrainTests(GrainCluster cluster)
{
    private static readonly CouponTerms FiftyOff = new(CouponKind.Fixed, "CNY", 50m, null, null, null);

    [Fact]
    public async Task Concurrent_claims_issue_exactly_the_stock_in_fewer_transactions_than_claims()
    {
        var campaign = await CreateAsync(totalStock: 300, perUserLimit: 1);
        var claims = Enumerable.Range(0, 600)
            .Select(i => campaign.Claim(new ClaimRequest($"s{i}", "d", "k")))
            .ToList();
        var results = await Task.WhenAll(claims);

        Assert.Equal(300, results.Count(r => r.Outcome == ClaimOutcome.Issued));
        Assert.Equal(300, results.Count(r => r.Outcome == ClaimOutcome.SoldOut));
        var audit = await LedgerAudit.ReadAsync(cluster.Database, campaign.GetPrimaryKey());
        audit.AssertConsistent(perUserLimit: 1);
        Assert.Equal(300, audit.CouponRows);
        Assert.Equal(results.Where(r => r.Coupon is not null).Select(r => r.Coupon!.CouponId).ToHashSet(), audit.CouponIds);
        // Group commit: claims admitted while a write was in flight shared the next transaction.
        Assert.True(audit.Transactions < 300 / 2, $"{audit.Transactions} transactions for 300 claims");
    }

    [Fact]
    public async Task A_replayed_key_gets_the_original_coupon_even_after_the_stock_is_gone()
    {
        var campaign = await CreateAsync(totalStock: 1, perUserLimit: 1);
        var first = await campaign.Claim(new ClaimRequest("alice", "d", "key-1"));
        var other = await campaign.Claim(new ClaimRequest("bob", "d", "key-1"));
        var replay = await campaign.Claim(new ClaimRequest("alice", "d", "key-1"));

        Assert.Equal(ClaimOutcome.Issued, first.Outcome);
        Assert.Equal(ClaimOutcome.SoldOut, other.Outcome);
        Assert.Equal(ClaimOutcome.Replayed, replay.Outcome);
        Assert.Equal(first.Coupon, replay.Coupon);
    }

    [Fact]
    public async Task The_per_user_limit_holds_under_a_burst_from_one_shopper()
    {
        var campaign = await CreateAsync(totalStock: 100, perUserLimit: 3);
        var results = await Task.WhenAll(Enumerable.Range(0, 50)
            .Select(i => campaign.Claim(new ClaimRequest("greedy", "d", $"key-{i}"))));

        Assert.Equal(3, results.Count(r => r.Outcome == ClaimOutcome.Issued));
        Assert.Equal(47, results.Count(r => r.Outcome == ClaimOutcome.LimitReached));
        (await LedgerAudit.ReadAsync(cluster.Database, campaign.GetPrimaryKey())).AssertConsistent(perUserLimit: 3);
    }

    [Fact]
    public async Task A_key_used_on_one_campaign_is_refused_on_another()
    {
        var first = await CreateAsync(totalStock: 10, perUserLimit: 1);
        var second = await CreateAsync(totalStock: 10, perUserLimit: 1);
        Assert.Equal(ClaimOutcome.Issued, (await first.Claim(new ClaimRequest("carol", "d", "shared-key"))).Outcome);

        var reused = await second.Claim(new ClaimRequest("carol", "d", "shared-key"));
        var otherShopper = await second.Claim(new ClaimRequest("dave", "d", "shared-key"));

        Assert.Equal(ClaimOutcome.KeyReused, reused.Outcome);
        Assert.Equal(ClaimOutcome.Issued, otherShopper.Outcome);
        var view = await second.Get();
        Assert.Equal(1, view!.Issued);
        Assert.Equal(9, view.Remaining);
    }

    [Fact]
    public async Task Claims_outside_the_sale_window_are_refused_with_the_window()
    {
        var now = DateTimeOffset.UtcNow;
        var early = await CreateAsync(10, 1, now.AddHours(1), now.AddHours(2));
        var late = await CreateAsync(10, 1, now.AddHours(-2), now.AddHours(-1));

        var notStarted = await early.Claim(new ClaimRequest("erin", "d", "k"));
        var ended = await late.Claim(new ClaimRequest("erin", "d", "k2"));

        Assert.Equal(ClaimOutcome.NotStarted, notStarted.Outcome);
        Assert.Equal(now.AddHours(1), notStarted.Gate!.StartsAt);
        Assert.NotNull(notStarted.Now);
        Assert.Equal(ClaimOutcome.Ended, ended.Outcome);
        Assert.Equal(CampaignPhase.Scheduled, (await early.Get())!.Phase);
        Assert.Equal(CampaignPhase.Ended, (await late.Get())!.Phase);
    }

    [Fact]
    public async Task An_unknown_campaign_is_not_found_and_a_second_create_is_refused()
    {
        var unknown = cluster.Client.GetGrain<ICampaignGrain>(Guid.NewGuid());
        Assert.Null(await unknown.Get());
        Assert.Equal(ClaimOutcome.CampaignNotFound, (await unknown.Claim(new ClaimRequest("x", "d", "k"))).Outcome);

        var campaign = await CreateAsync(5, 1);
        var definition = (await campaign.Get())!.Definition;
        Assert.Null(await campaign.Create(definition with { TotalStock = 1_000 }, draft: false));
        Assert.Equal(5, (await campaign.Get())!.Definition.TotalStock);
    }

    [Fact]
    public async Task A_write_by_another_activation_fails_this_one_which_then_rebuilds_from_the_ledger()
    {
        var campaign = await CreateAsync(totalStock: 10, perUserLimit: 1);
        var id = campaign.GetPrimaryKey();
        Assert.Equal(ClaimOutcome.Issued, (await campaign.Claim(new ClaimRequest("frank", "d", "k1"))).Outcome);

        // Another activation of the same campaign (possible while membership changes) commits a coupon.
        await cluster.Ledger.IssueAsync(new CampaignBatch(id, ExpectedIssued: 1, [NewCoupon("grace", slot: 1, "elsewhere")], NoRiskLimits));

        // This activation's next write carries a stale count: the database refuses it, nothing is acknowledged.
        var refused = await campaign.Claim(new ClaimRequest("heidi", "d", "k1"));
        Assert.Equal(ClaimOutcome.Unavailable, refused.Outcome);

        // The next activation rebuilds from the ledger: grace's coupon counts, heidi's retry succeeds.
        var retried = await campaign.Claim(new ClaimRequest("heidi", "d", "k1"));
        Assert.Equal(ClaimOutcome.Issued, retried.Outcome);
        Assert.Equal(ClaimOutcome.LimitReached, (await campaign.Claim(new ClaimRequest("grace", "d", "k2"))).Outcome);
        var replay = await campaign.Claim(new ClaimRequest("grace", "d", "elsewhere"));
        Assert.Equal(ClaimOutcome.Replayed, replay.Outcome);
        Assert.Equal(3, (await campaign.Get())!.Issued);
        (await LedgerAudit.ReadAsync(cluster.Database, id)).AssertConsistent(perUserLimit: 1);
    }

    [Fact]
    public async Task The_database_refuses_a_second_writer_an_oversell_a_slot_past_the_limit_and_a_reused_key()
    {
        var campaign = await CreateAsync(totalStock: 2, perUserLimit: 1);
        var id = campaign.GetPrimaryKey();
        await cluster.Ledger.IssueAsync(new CampaignBatch(id, 0, [NewCoupon("ivan", 1, "a")], NoRiskLimits));

        async Task<LedgerConflict> Refusal(int expected, params NewCoupon[] batch) =>
            (await Assert.ThrowsAsync<LedgerConflictException>(() => cluster.Ledger.IssueAsync(new CampaignBatch(id, expected, batch, NoRiskLimits)))).Conflict;
        async Task<LedgerConflict> RefusalUnder(BatchLimits limits, NewCoupon coupon) =>
            (await Assert.ThrowsAsync<LedgerConflictException>(() => cluster.Ledger.IssueAsync(new CampaignBatch(id, 1, [coupon], limits)))).Conflict;

        Assert.Equal(LedgerConflict.StaleCount, await Refusal(0, NewCoupon("judy", 1, "b")));
        Assert.Equal(LedgerConflict.ConstraintViolated, await Refusal(1, NewCoupon("judy", 1, "b"), NewCoupon("ken", 1, "c")));
        Assert.Equal(LedgerConflict.LimitExceeded, await Refusal(1, NewCoupon("ivan", 2, "d")));
        Assert.Equal(LedgerConflict.ConstraintViolated, await Refusal(1, NewCoupon("ivan", 1, "e")));
        Assert.Equal(LedgerConflict.KeyTaken, await Refusal(1, NewCoupon("ivan", 1, "a")));

        // The limits that span campaigns: a slot past its limit, or a second row in a taken slot.
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var judy = NewCoupon("judy", 1, "f");
        Assert.Equal(LedgerConflict.LimitExceeded, await RefusalUnder(NoRiskLimits with { DailyClaimCap = 2 }, judy with { Risk = judy.Risk with { DaySlot = 3 } }));
        Assert.Equal(LedgerConflict.LimitExceeded, await RefusalUnder(NoRiskLimits with { ClaimsPerDevice = 1 }, judy with { Risk = judy.Risk with { DeviceSlot = 2 } }));
        Assert.Equal(LedgerConflict.LimitExceeded, await RefusalUnder(NoRiskLimits with { ClaimsPerDevicePerDay = 4 }, judy with { Risk = judy.Risk with { DeviceDaySlot = 5 } }));
        Assert.Equal(LedgerConflict.LimitExceeded, await RefusalUnder(NoRiskLimits with { AccountsPerDevice = 3 }, judy with { Risk = judy.Risk with { AccountSlot = 4 } }));
        var ivansPhone = new RiskSlots(today, DaySlot: 2, DeviceSlot: 2, DeviceDaySlot: 2, AccountSlot: null);
        Assert.Equal(LedgerConflict.ConstraintViolated,
            await RefusalUnder(NoRiskLimits, judy with { DeviceId = "ivan-phone", Risk = ivansPhone with { DeviceSlot = 1 } }));
        Assert.Equal(LedgerConflict.ConstraintViolated,
            await RefusalUnder(NoRiskLimits, judy with { DeviceId = "ivan-phone", Risk = ivansPhone with { DeviceDaySlot = 1 } }));
        Assert.Equal(LedgerConflict.ConstraintViolated,
            await RefusalUnder(NoRiskLimits, judy with { DeviceId = "ivan-phone", Risk = ivansPhone with { AccountSlot = 1 } }));
        await cluster.Ledger.IssueAsync(new CampaignBatch(id, 1, [judy with { DeviceId = "ivan-phone", Risk = ivansPhone with { AccountSlot = 2 } }], NoRiskLimits));

        var audit = await LedgerAudit.ReadAsync(cluster.Database, id);
        Assert.Equal(2, audit.IssuedCounter);
        Assert.Equal(2, audit.CouponRows);
    }

    private static readonly BatchLimits NoRiskLimits = new(DailyClaimCap: 20, null, null, null, PointsPrice: 0);

    /// <summary>A row as another writer would insert it, from the shopper's own phone, first claim of the day there.</summary>
    private static NewCoupon NewCoupon(string shopper, int slot, string key)
    {
        var now = DateTimeOffset.UtcNow;
        return new NewCoupon(Guid.CreateVersion7(), shopper, slot, $"{shopper}-phone", key, Guid.NewGuid().ToString("N"), now, now.AddDays(1),
            new RiskSlots(DateOnly.FromDateTime(now.UtcDateTime), 1, 1, 1, AccountSlot: 1));
    }

    [Fact]
    public async Task A_reactivated_campaign_reads_its_shoppers_from_the_ledger_and_hands_out_its_holders_only_when_asked()
    {
        var campaign = await CreateAsync(totalStock: 3, perUserLimit: 1);
        var issued = await Task.WhenAll(new[] { "amy", "ben", "cat" }.Select(s => campaign.Claim(new ClaimRequest($"{s}-reactivated", "d", $"{s}-key"))));
        Assert.All(issued, r => Assert.Equal(ClaimOutcome.Issued, r.Outcome));

        var management = cluster.Client.GetGrain<IManagementGrain>(0);
        await management.ForceActivationCollection(TimeSpan.Zero);
        Assert.Equal(0, await management.GetGrainActivationCount((GrainReference)campaign));

        // A fresh activation holds no shopper: each is read from the ledger before being judged.
        var replay = await campaign.Claim(new ClaimRequest("cat-reactivated", "d", "cat-key"));
        Assert.Equal((ClaimOutcome.Replayed, issued[2].Coupon!.CouponId, issued[2].Coupon!.Code), (replay.Outcome, replay.Coupon!.CouponId, replay.Coupon.Code));
        Assert.Equal(ClaimOutcome.LimitReached, (await campaign.Claim(new ClaimRequest("amy-reactivated", "d", "another-key"))).Outcome);
        // The claimant count waits for the holders to be read.
        Assert.Equal(3, (await campaign.Results())!.Claimants);

        // Refusals carry the gate without its holders (megabytes on a campaign of millions); a node asks for them once.
        var refused = await campaign.Claim(new ClaimRequest("dan-reactivated", "d", "dan-key"));
        Assert.Equal(ClaimOutcome.SoldOut, refused.Outcome);
        Assert.Null(refused.Gate!.Holders);
        var gate = await campaign.Gate();
        Assert.Equal(refused.Gate.Version, gate!.Version);
        Assert.True(gate.Holders!.MayContain("ben-reactivated"));
        Assert.Equal(ClaimOutcome.SoldOut, gate.RefusalFor("dan-reactivated", null, refused.Now!.Value));
    }

    private async Task<ICampaignGrain> CreateAsync(int totalStock, int perUserLimit, DateTimeOffset? startsAt = null, DateTimeOffset? endsAt = null)
    {
        var now = DateTimeOffset.UtcNow;
        var definition = new CampaignDefinition(Guid.NewGuid(), "grain test", FiftyOff, totalStock, perUserLimit,
            startsAt ?? now.AddMinutes(-1), endsAt ?? now.AddHours(1), new CouponValidity(null, 7), now, "tests");
        var grain = cluster.Client.GetGrain<ICampaignGrain>(definition.Id);
        Assert.NotNull(await grain.Create(definition, draft: false));
        return grain;
    }
}
