using Dapper;
using FlashSale.GrainInterfaces.Campaigns;
using FlashSale.GrainInterfaces.Claims;
using FlashSale.GrainInterfaces.Wallet;
using FlashSale.Tests.Infrastructure;
using Npgsql;
using Orleans.Runtime;

namespace FlashSale.Tests.Grains;

/// <summary>
/// A money change is made within its deadline or never: one that stalls (here behind a row lock a
/// test holds; in the fault harness, in a frozen silo) until its deadline has passed commits nothing
/// when it resumes, so that the request sent again in the meantime is not overtaken by it.
/// </summary>
[Collection(nameof(GrainClusterCollection))]
[Trait("Tier", "Integration")]
public sealed class ChangeDeadlineTests(GrainCluster cluster)
{
    [Fact]
    public async Task A_redemption_that_resumes_after_its_deadline_changes_nothing_and_the_next_attempt_is_fresh()
    {
        var (wallet, couponId) = await CouponAsync();
        var order = new OrderAmount("o-" + Guid.NewGuid().ToString("N"), 100m, "CNY");

        Task<RedeemResult> stalled;
        DateTimeOffset deadline;
        await using (var blocker = await cluster.Database.OpenConnectionAsync())
        await using (var holding = await blocker.BeginTransactionAsync())
        {
            await blocker.ExecuteAsync("SELECT 1 FROM coupons WHERE coupon_id = @couponId FOR UPDATE", new { couponId }, holding);
            deadline = DateTimeOffset.UtcNow.AddSeconds(1);
            stalled = WithDeadline(deadline, () => wallet.Redeem(couponId, order));
            Assert.True(await WaitsBehindAsync(blocker), "the redemption never waited for the coupon's lock");
            // The lock is let go only once the database's clock is past the deadline.
            Assert.True(await Eventually.ReturnsAsync(() => PastAsync(blocker, deadline), past => past), "the database's clock never passed the deadline");
        }

        await Assert.ThrowsAsync<TimeoutException>(() => stalled);
        Assert.Equal(0, await UsesAsync(couponId));

        var retried = await WithDeadline(DateTimeOffset.UtcNow.AddSeconds(10), () => wallet.Redeem(couponId, order));
        Assert.Equal(RedeemOutcome.Redeemed, retried.Outcome);
        Assert.Equal(1, await UsesAsync(couponId));
    }

    [Fact]
    public async Task A_points_credit_past_its_deadline_credits_nothing()
    {
        var wallet = cluster.Client.GetGrain<IWalletGrain>("deadline-" + Guid.NewGuid().ToString("N"));
        await Assert.ThrowsAsync<TimeoutException>(() => WithDeadline(DateTimeOffset.UtcNow.AddSeconds(-1), () => wallet.Credit(50, "late", "tests", null)));
        Assert.Equal(0, (await wallet.Points()).Balance);

        var credited = await WithDeadline(DateTimeOffset.UtcNow.AddSeconds(10), () => wallet.Credit(50, "in time", "tests", null));
        Assert.Equal(PointsCreditOutcome.Credited, credited.Outcome);
        Assert.Equal(50, (await wallet.Points()).Balance);
    }

    // The request context travels with the call made while it is set, and is not left behind for the next test.
    private static Task<T> WithDeadline<T>(DateTimeOffset deadline, Func<Task<T>> call)
    {
        ChangeDeadline.Set(deadline);
        try
        {
            return call();
        }
        finally
        {
            RequestContext.Clear();
        }
    }

    private async Task<(IWalletGrain Wallet, Guid CouponId)> CouponAsync()
    {
        var now = DateTimeOffset.UtcNow;
        var definition = new CampaignDefinition(Guid.NewGuid(), "deadline test", new CouponTerms(CouponKind.Fixed, "CNY", 10m, null, null, null), 10, 1,
            now.AddMinutes(-1), now.AddHours(1), new CouponValidity(null, 7), now, "tests");
        var campaign = cluster.Client.GetGrain<ICampaignGrain>(definition.Id);
        Assert.NotNull(await campaign.Create(definition, draft: false));
        var shopper = "deadline-" + Guid.NewGuid().ToString("N");
        var claim = await campaign.Claim(new ClaimRequest(shopper, "d", "k"));
        Assert.Equal(ClaimOutcome.Issued, claim.Outcome);
        return (cluster.Client.GetGrain<IWalletGrain>(shopper), claim.Coupon!.CouponId);
    }

    private static async Task<bool> WaitsBehindAsync(NpgsqlConnection blocker) =>
        await Eventually.ReturnsAsync(
            () => blocker.ExecuteScalarAsync<long>("SELECT count(*) FROM pg_stat_activity WHERE pg_backend_pid() = ANY(pg_blocking_pids(pid))"),
            waiting => waiting > 0) > 0;

    private static Task<bool> PastAsync(NpgsqlConnection connection, DateTimeOffset deadline) =>
        connection.ExecuteScalarAsync<bool>("SELECT clock_timestamp() > @deadline", new { deadline });

    private async Task<long> UsesAsync(Guid couponId)
    {
        await using var connection = cluster.Database.CreateConnection();
        return await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM redemptions WHERE coupon_id = @couponId", new { couponId });
    }
}
