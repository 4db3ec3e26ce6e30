using FlashSale.GrainInterfaces.Campaigns;
using FlashSale.GrainInterfaces.Claims;
using FlashSale.Grains.Ledger;
using FlashSale.Tests.Infrastructure;
using Npgsql;

namespace FlashSale.Tests.Grains;

/// <summary>
/// The claims of many campaigns in one transaction (issue_coupons_of_campaigns), on PostgreSQL: each
/// campaign keeps its own fence, and one campaign's refusal writes nothing of it and fails no other.
/// </summary>
[Collection(nameof(GrainClusterCollection))]
[Trait("Tier", "Integration")]
public sealed class LedgerWritesTests(GrainCluster cluster)
{
    private static readonly CouponTerms FiftyOff = new(CouponKind.Fixed, "CNY", 50m, null, null, null);
    private static readonly BatchLimits NoRiskLimits = new(DailyClaimCap: 20, null, null, null, PointsPrice: 0);

    [Fact]
    public async Task Each_campaign_is_fenced_on_its_own_and_those_whose_fence_holds_commit_together()
    {
        var (fine, stale, paused, pastLimit, alsoFine) = (await CreateAsync(), await CreateAsync(), await CreateAsync(), await CreateAsync(), await CreateAsync());
        await ExecuteAsync("UPDATE campaign_stock SET paused = true WHERE campaign_id = $1", paused);

        var refused = await cluster.Ledger.IssueManyAsync(
        [
            new CampaignBatch(fine, 0, [Coupon("amy", 1), Coupon("ben", 1)], NoRiskLimits),
            new CampaignBatch(stale, 1, [Coupon("cat", 1)], NoRiskLimits),
            new CampaignBatch(paused, 0, [Coupon("dan", 1)], NoRiskLimits),
            new CampaignBatch(pastLimit, 0, [Coupon("eve", 1), Coupon("eve", 2)], NoRiskLimits),
            new CampaignBatch(alsoFine, 0, [Coupon("fay", 1)], NoRiskLimits),
        ]);

        Assert.Equal(new Dictionary<Guid, LedgerConflict>
        {
            [stale] = LedgerConflict.StaleCount,
            [paused] = LedgerConflict.Closed,
            [pastLimit] = LedgerConflict.LimitExceeded,
        }, refused);
        foreach (var untouched in new[] { stale, paused, pastLimit })
        {
            var audit = await LedgerAudit.ReadAsync(cluster.Database, untouched);
            Assert.Equal((0, 0), (audit.IssuedCounter, audit.CouponRows));
        }

        var (first, second) = (await LedgerAudit.ReadAsync(cluster.Database, fine), await LedgerAudit.ReadAsync(cluster.Database, alsoFine));
        first.AssertConsistent(perUserLimit: 1);
        second.AssertConsistent(perUserLimit: 1);
        Assert.Equal((2, 1), (first.CouponRows, second.CouponRows));
        Assert.Equal(1, await ScalarAsync<long>("SELECT count(DISTINCT xmin::text) FROM coupons WHERE campaign_id = ANY($1)", new[] { fine, alsoFine }));
        // Sequence numbers count within each campaign, from the count its grain expected.
        var sequence = await ScalarAsync<int[]>("SELECT array_agg(seq ORDER BY seq) FROM coupons WHERE campaign_id = $1", fine);
        Assert.Equal([1, 2], sequence);
    }

    [Fact]
    public async Task A_conflict_only_the_write_finds_writes_nothing_of_any_campaign()
    {
        var (elsewhere, reusing, innocent) = (await CreateAsync(), await CreateAsync(), await CreateAsync());
        await cluster.Ledger.IssueAsync(new CampaignBatch(elsewhere, 0, [Coupon("gus", 1, key: "gus-key")], NoRiskLimits));

        var conflict = await Assert.ThrowsAsync<PostgresException>(() => cluster.Ledger.IssueManyAsync(
        [
            new CampaignBatch(innocent, 0, [Coupon("hal", 1)], NoRiskLimits),
            new CampaignBatch(reusing, 0, [Coupon("gus", 1, key: "gus-key")], NoRiskLimits),
        ]));

        Assert.Equal("FS003", conflict.SqlState);
        Assert.Equal(0, (await LedgerAudit.ReadAsync(cluster.Database, innocent)).CouponRows);
    }

    [Fact]
    public async Task Points_prices_of_several_campaigns_are_debited_together_and_a_balance_short_of_them_all_writes_nothing()
    {
        var shopper = $"points-{Guid.NewGuid():N}";
        await ExecuteAsync(
            """
            WITH entry AS (INSERT INTO points_entries (shopper_id, delta, reason, created_by, note, created_at)
                           VALUES ($1, 100, 'credit', 'tests', 'ledger writes test', now()))
            INSERT INTO points_accounts (shopper_id, balance, updated_at) VALUES ($1, 100, now())
            """, shopper);
        var (sixty, thirty, twenty) = (await CreateAsync(), await CreateAsync(), await CreateAsync());

        Assert.Empty(await cluster.Ledger.IssueManyAsync(
        [
            new CampaignBatch(sixty, 0, [Coupon(shopper, 1)], NoRiskLimits with { PointsPrice = 60 }),
            new CampaignBatch(thirty, 0, [Coupon(shopper, 1, daySlot: 2)], NoRiskLimits with { PointsPrice = 30 }),
        ]));
        Assert.Equal(10L, await ScalarAsync<long>("SELECT balance FROM points_accounts WHERE shopper_id = $1", shopper));
        var debits = await ScalarAsync<long[]>(
            "SELECT array_agg(delta ORDER BY delta) FROM points_entries WHERE shopper_id = $1 AND reason = 'claim'", shopper);
        Assert.Equal([-60L, -30L], debits);

        var shortOfPoints = await Assert.ThrowsAsync<PostgresException>(() => cluster.Ledger.IssueManyAsync(
        [
            new CampaignBatch(twenty, 0, [Coupon(shopper, 1, daySlot: 3)], NoRiskLimits with { PointsPrice = 20 }),
            new CampaignBatch(sixty, 1, [Coupon("someone-else", 1)], NoRiskLimits),
        ]));
        Assert.Equal(PostgresErrorCodes.CheckViolation, shortOfPoints.SqlState);
        Assert.Equal(10L, await ScalarAsync<long>("SELECT balance FROM points_accounts WHERE shopper_id = $1", shopper));
        Assert.Equal(1, (await LedgerAudit.ReadAsync(cluster.Database, sixty)).CouponRows);
    }

    [Fact]
    public async Task Claims_on_many_quiet_campaigns_of_one_silo_share_transactions()
    {
        var campaigns = new List<ICampaignGrain>();
        for (var i = 0; i < 200; i++)
        {
            campaigns.Add(cluster.Client.GetGrain<ICampaignGrain>(await CreateAsync()));
        }

        var results = await Task.WhenAll(campaigns.Select((campaign, i) => campaign.Claim(new ClaimRequest($"quiet-{i}", "d", "k"))));

        Assert.All(results, r => Assert.Equal(ClaimOutcome.Issued, r.Outcome));
        var ids = campaigns.Select(c => c.GetPrimaryKey()).ToArray();
        var transactions = await ScalarAsync<long>("SELECT count(DISTINCT xmin::text) FROM coupons WHERE campaign_id = ANY($1)", ids);
        Assert.True(transactions <= 200 / 4, $"{transactions} transactions for one claim on each of 200 campaigns");
    }

    [Fact]
    public async Task An_activation_reads_its_counters_then_only_the_shoppers_it_meets_and_its_holders_once()
    {
        var campaign = await CreateAsync();
        // Shoppers of this test only: daily slots span campaigns.
        var (amyId, benId, catId, danId) = ($"amy-{campaign:N}", $"ben-{campaign:N}", $"cat-{campaign:N}", $"dan-{campaign:N}");
        var (amy, ben, cat) = (Coupon(amyId, 1), Coupon(benId, 1), Coupon(catId, 1));
        await cluster.Ledger.IssueAsync(new CampaignBatch(campaign, 0, [amy, ben], NoRiskLimits));
        await cluster.Ledger.IssueAsync(new CampaignBatch(campaign, 2, [cat], NoRiskLimits));
        await ExecuteAsync(
            $"INSERT INTO coupon_transfers VALUES (gen_random_uuid(), gen_random_uuid(), $1, '{amyId}', '{danId}', now(), true)", campaign);

        var snapshot = await cluster.Ledger.LoadAsync(campaign);
        Assert.NotNull(snapshot);
        Assert.Equal((3, 1L), (snapshot.Issued, snapshot.Receipts));
        Assert.Equal(cat.IssuedAt.ToUnixTimeMilliseconds(), snapshot.LastIssuedAt?.ToUnixTimeMilliseconds());

        var read = await cluster.Ledger.ReadShoppersAsync(campaign, [amyId, danId, "zed"]);
        Assert.Equal(amy.CouponId, Assert.Single(read.Coupons).CouponId);
        Assert.Equal(new Dictionary<string, int>(StringComparer.Ordinal) { [danId] = 1 }, read.Received);

        // Every holder, cat too, but claimants counted only up to the second coupon (cat came after).
        var holders = new List<string>();
        var claimants = await cluster.Ledger.ReadHoldersAsync(campaign, upToSeq: 2, holders.Add);
        Assert.Equal(2, claimants);
        Assert.Equal([amyId, benId, catId, danId], holders.Order(StringComparer.Ordinal).ToArray());
    }

    private static NewCoupon Coupon(string shopper, int slot, string? key = null, int? daySlot = null)
    {
        var now = DateTimeOffset.UtcNow;
        return new NewCoupon(Guid.CreateVersion7(), shopper, slot, $"{shopper}-phone", key ?? Guid.NewGuid().ToString("N"),
            Guid.NewGuid().ToString("N"), now, now.AddDays(1), new RiskSlots(DateOnly.FromDateTime(now.UtcDateTime), daySlot ?? slot, null, null, null));
    }

    private async Task<Guid> CreateAsync()
    {
        var now = DateTimeOffset.UtcNow;
        var definition = new CampaignDefinition(Guid.NewGuid(), "ledger writes test", FiftyOff, TotalStock: 10, PerUserLimit: 1,
            now.AddMinutes(-1), now.AddHours(1), new CouponValidity(null, 7), now, "tests");
        Assert.NotNull(await cluster.Client.GetGrain<ICampaignGrain>(definition.Id).Create(definition, draft: false));
        return definition.Id;
    }

    private async Task ExecuteAsync(string sql, object parameter)
    {
        await using var command = cluster.Database.CreateCommand(sql);
        command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        await command.ExecuteNonQueryAsync();
    }

    private async Task<T> ScalarAsync<T>(string sql, object parameter)
    {
        await using var command = cluster.Database.CreateCommand(sql);
        command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        return (T)(await command.ExecuteScalarAsync())!;
    }
}
