using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FlashSale.Silo.Database;
using FlashSale.Tests.Database;
using FlashSale.Tests.Infrastructure;
using Npgsql;

namespace FlashSale.Tests.Upgrades;

/// <summary>
/// Every release's database, as that release wrote it (<see cref="ReleaseDump"/>), upgraded in place
/// by this build's migrations: every row kept, every invariant still true, the schema of a new
/// install, and the system working on the old data.
/// </summary>
[Trait("Tier", "EndToEnd")]
public sealed class UpgradeTests
{
    /// <summary>The last release installed by the hand-written installer, before migrations.</summary>
    private const string LastInstallerRelease = "f9daf97";

    public static TheoryData<string> Releases() => ReleaseDump.Releases();

    [Theory]
    [MemberData(nameof(Releases))]
    public async Task A_database_of_the_release_upgrades_in_place_keeping_every_row_into_the_schema_of_a_new_install(string release)
    {
        var connectionString = await ReleaseDump.RestoreAsync(release, $"upgrade_{release}_rows");
        await using var database = NpgsqlDataSource.Create(connectionString);
        var before = await TableContents.ReadAsync(database);
        Assert.Empty(await DatabaseInvariants.BrokenAsync(database));

        // Silos of the new release starting together on it.
        await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Task.Run(() => SchemaMigrations.ApplyAsync(connectionString))));

        await AssertSameRowsAsync(database, before);
        Assert.Empty(await DatabaseInvariants.BrokenAsync(database));
        Assert.Equal(await NewInstallShapeAsync(), await SchemaShape.ReadAsync(database));
        Assert.Equal(MigrationHistory.Released().Select(m => new MigrationHistory.JournalRow(m.Name, true)), await MigrationHistory.JournalAsync(database));
    }

    [Fact]
    public async Task A_database_of_a_release_older_than_the_last_installer_runs_the_baseline_scripts_again_and_keeps_every_row()
    {
        var connectionString = await ReleaseDump.RestoreAsync(LastInstallerRelease, "upgrade_older_installer");
        await using var database = NpgsqlDataSource.Create(connectionString);
        // Earlier releases' installers recorded other fingerprints of their scripts.
        await using (var older = database.CreateCommand("UPDATE flashsale_schema SET fingerprint = 'an earlier release'"))
        {
            await older.ExecuteNonQueryAsync();
        }

        var before = await TableContents.ReadAsync(database);
        await SchemaMigrations.ApplyAsync(connectionString);

        await AssertSameRowsAsync(database, before);
        Assert.Empty(await DatabaseInvariants.BrokenAsync(database));
        Assert.Equal(await NewInstallShapeAsync(), await SchemaShape.ReadAsync(database));
    }

    [Theory]
    [MemberData(nameof(Releases))]
    public async Task After_the_upgrade_shoppers_replay_claim_redeem_and_refund_on_the_release_data(string release)
    {
        var connectionString = await ReleaseDump.RestoreAsync(release, $"upgrade_{release}_live");
        var system = new UpgradedSystem(connectionString);
        await system.InitializeAsync(); // its silo migrates the database as it starts
        try
        {
            // A key acknowledged before the upgrade still yields its coupon, and only that one, whether
            // or not its campaign is still open.
            var old = await OldClaimAsync(system.Database);
            using (var claimer = system.Client(await system.TokenAsync(old.Shopper, "shopper")))
            {
                var replay = await Answer.Of(claimer.SendAsync(Infrastructure.Api.ClaimRequest(old.Campaign, old.Key, old.Device)));
                Assert.Equal((HttpStatusCode.Created, true), (replay.Status, replay.Replayed));
                Assert.Equal(old.CouponId, replay.Body.GetProperty("couponId").GetGuid());
            }

            // A new claim on a campaign of the release, while one is still open: a sale lasts at most
            // a year, so a dump's campaigns end a year after it was made; after that, on a new one.
            var campaign = await OpenCampaignWithStockAsync(system) ?? await system.CreateCampaignAsync(10);
            var issuedBefore = await LedgerAudit.IssuedAsync(system.Database, campaign);
            using (var newcomer = system.Client(await system.TokenAsync("after-upgrade-" + release, "shopper")))
            {
                var claim = await newcomer.ClaimAsync(campaign, "after-upgrade-key", "after-upgrade-device");
                Assert.Equal(HttpStatusCode.Created, claim.Status);
            }

            Assert.Equal(issuedBefore + 1, await LedgerAudit.IssuedAsync(system.Database, campaign));

            // A coupon issued before the upgrade is redeemed on a new order.
            var unused = await UnusedCouponAsync(system.Database);
            using (var holder = system.Client(await system.TokenAsync(unused.Holder, "shopper")))
            {
                var redeemed = await holder.RedeemAsync(unused.CouponId, "after-upgrade-order", 10_000m, unused.Currency);
                Assert.True(redeemed.Status is HttpStatusCode.OK or HttpStatusCode.Created, $"redeem: {redeemed.Status} {redeemed.Body}");
                Assert.True(redeemed.Decimal("discount") > 0);
            }

            // An order placed before the upgrade is refunded by whoever redeemed on it.
            var order = await StandingOrderAsync(system.Database);
            var asMerchant = order.RedeemedBy != order.Holder;
            using (var refunder = system.Client(await system.TokenAsync(order.RedeemedBy, asMerchant ? "merchant" : "shopper")))
            {
                var refund = await refunder.RefundAsync(order.OrderId, asMerchant);
                Assert.True(refund.Status == HttpStatusCode.OK, $"refund: {refund.Status} {refund.Body}");
            }

            await using var standing = system.Database.CreateCommand("SELECT count(*) FROM redemptions WHERE order_id = $1 AND refunded_at IS NULL");
            standing.Parameters.Add(new() { Value = order.OrderId });
            Assert.Equal(0L, await standing.ExecuteScalarAsync());
            Assert.Empty(await DatabaseInvariants.BrokenAsync(system.Database));
        }
        finally
        {
            await system.DisposeAsync();
        }
    }

    private static async Task AssertSameRowsAsync(NpgsqlDataSource database, TableContents before)
    {
        var after = await TableContents.ReadSameAsync(database, before);
        var changed = before.Tables
            .Where(table => table.Value != after.Tables[table.Key] with { Columns = table.Value.Columns })
            .Select(table => $"{table.Key}: {table.Value.Rows} rows before, {after.Tables[table.Key].Rows} after")
            .ToList();
        Assert.True(changed.Count == 0, "Rows changed by the upgrade:\n" + string.Join("\n", changed));
        Assert.Contains(before.Tables, table => table.Key == "coupons" && table.Value.Rows > 0);
    }

    /// <summary>The schema this build's migrations give an empty database, read once.</summary>
    private static readonly Lazy<Task<string>> NewInstallShape = new(ReadNewInstallShapeAsync);

    private static Task<string> NewInstallShapeAsync() => NewInstallShape.Value;

    private static async Task<string> ReadNewInstallShapeAsync()
    {
        var connectionString = await TestDatabase.EmptyDatabaseAsync("upgrade_new_install");
        await SchemaMigrations.ApplyAsync(connectionString);
        await using var database = NpgsqlDataSource.Create(connectionString);
        return await SchemaShape.ReadAsync(database);
    }

    /// <summary>A plain campaign from the release's data that is open, as the API says, with stock left; null once none is.</summary>
    private static async Task<Guid?> OpenCampaignWithStockAsync(RunningSystem system)
    {
        await using var candidates = system.Database.CreateCommand(
            """
            SELECT campaign_id FROM campaign_stock
             WHERE parent_id IS NULL AND terms ->> 'kind' = 'fixed' AND price_points IS NULL AND early_access = '[]'
               AND issued < total_stock + recycled AND issued > 0
             ORDER BY campaign_id
            """);
        var ids = new List<Guid>();
        await using (var reader = await candidates.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                ids.Add(reader.GetGuid(0));
            }
        }

        using var anyone = system.Client();
        foreach (var id in ids)
        {
            var campaign = await anyone.GetFromJsonAsync<JsonElement>($"/api/campaigns/{id}");
            if (campaign.GetProperty("state").GetString() == "open")
            {
                return id;
            }
        }

        return null;
    }

    private sealed record OldClaim(Guid Campaign, Guid CouponId, string Shopper, string Key, string Device);

    /// <summary>A coupon of a plain campaign, still held by the shopper who claimed it.</summary>
    private static async Task<OldClaim> OldClaimAsync(NpgsqlDataSource database)
    {
        await using var command = database.CreateCommand(
            """
            SELECT c.campaign_id, c.coupon_id, c.shopper_id, c.idempotency_key, c.device_id FROM coupons c JOIN campaign_stock s USING (campaign_id)
             WHERE s.parent_id IS NULL AND s.terms ->> 'kind' = 'fixed' AND coalesce(c.holder_id, c.shopper_id) = c.shopper_id
             ORDER BY c.issued_at LIMIT 1
            """);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync(), "The release's data holds no coupon of a plain campaign; its dump must have one.");
        return new OldClaim(reader.GetGuid(0), reader.GetGuid(1), reader.GetString(2), reader.GetString(3), reader.GetString(4));
    }

    private sealed record UnusedCoupon(Guid CouponId, string Holder, string Currency);

    private static async Task<UnusedCoupon> UnusedCouponAsync(NpgsqlDataSource database)
    {
        await using var command = database.CreateCommand(
            """
            SELECT c.coupon_id, coalesce(c.holder_id, c.shopper_id), s.terms ->> 'currency' FROM coupons c JOIN campaign_stock s USING (campaign_id)
             WHERE s.terms ->> 'kind' IN ('fixed', 'percent', 'threshold') AND c.expires_at > now() AND c.shopper_id NOT LIKE 'after-upgrade-%'
               AND NOT EXISTS (SELECT 1 FROM redemptions r WHERE r.coupon_id = c.coupon_id)
               AND NOT EXISTS (SELECT 1 FROM coupon_transfers t WHERE t.coupon_id = c.coupon_id)
             ORDER BY c.issued_at LIMIT 1
            """);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync(), "The release's data holds no unused coupon still valid; its dump must have one.");
        return new UnusedCoupon(reader.GetGuid(0), reader.GetString(1), reader.GetString(2));
    }

    private sealed record StandingOrder(string OrderId, string Holder, string RedeemedBy);

    private static async Task<StandingOrder> StandingOrderAsync(NpgsqlDataSource database)
    {
        await using var command = database.CreateCommand(
            """
            SELECT order_id, holder_id, redeemed_by FROM redemptions
             WHERE refunded_at IS NULL AND order_id <> 'after-upgrade-order'
               -- Undoing a points card's redemption is refused or broken today (issue 16), not an upgrade's concern.
               AND order_id NOT LIKE 'points-card:%'
             ORDER BY redeemed_at LIMIT 1
            """);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync(), "The release's data holds no order to refund; its dump must have one.");
        return new StandingOrder(reader.GetString(0), reader.GetString(1), reader.GetString(2));
    }

    /// <summary>
    /// This build's silo and API node on an earlier release's data, under that deployment's cluster
    /// and service id (the default, <c>flashsale</c>), as a rolling upgrade would start them.
    /// </summary>
    private sealed class UpgradedSystem(string connectionString) : RunningSystem
    {
        protected override string ClusterId => "flashsale";

        protected override Task<string> DatabaseAsync() => Task.FromResult(connectionString);
    }
}
