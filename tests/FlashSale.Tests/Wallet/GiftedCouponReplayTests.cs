using System.Net;
using FlashSale.Tests.Infrastructure;

namespace FlashSale.Tests.Wallet;

/// <summary>
/// M4 across activations: while the cluster's membership changes, a campaign can have two activations for seconds,
/// and a coupon given away through one is unknown to the other's memory. The fault harness's partition run found
/// that activation answering its giver's replays with the code. A replay of a coupon that may be given away asks
/// the ledger who holds it. (The old code is dead by then, a transfer gives the coupon a new one, but the giver must not be told it holds one.)
/// </summary>
[Trait("Tier", "EndToEnd")]
[Collection(SharedSystem.Name)]
public sealed class GiftedCouponReplayTests(RunningSystem system)
{
    [Fact]
    public async Task A_claim_replayed_after_its_coupon_was_given_away_elsewhere_carries_no_code()
    {
        var campaign = await system.CreateCampaignAsync(10, use: new { transfer = "free" });
        using var giver = system.Client(await system.TokenAsync($"giver-{campaign:N}", "shopper"));
        var key = Guid.NewGuid().ToString("N");
        var claimed = await giver.ClaimAsync(campaign, key);
        Assert.Equal(HttpStatusCode.Created, claimed.Status);
        Assert.Equal(claimed.Code, (await giver.ClaimAsync(campaign, key)).Code);

        // Given away as another activation of the campaign writes it (a new holder, a new code): the ledger changes, this
        // activation's memory does not.
        await system.Database.ScalarAsync<Guid>(
            "UPDATE coupons SET holder_id = $1, code = 'REGIVEN-' || coupon_id::text WHERE coupon_id = $2 RETURNING coupon_id",
            $"receiver-{campaign:N}", claimed.CouponId);

        var replayed = await giver.ClaimAsync(campaign, key);
        Assert.Equal((claimed.CouponId, (string?)null), (replayed.CouponId, replayed.Code));
        Assert.True(replayed.Status is HttpStatusCode.Created or HttpStatusCode.OK);
    }
}
