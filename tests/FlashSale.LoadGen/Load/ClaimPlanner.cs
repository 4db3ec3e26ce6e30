namespace FlashSale.LoadGen.Load;

/// <summary>
/// Chooses each request: mostly a fresh key from the next shopper in turn (so that N shoppers make N
/// distinct claimants before anyone asks twice) on a random campaign; for the replay share, a key that
/// already got a yes, resent by the same shopper to the same campaign (to another campaign it would be a
/// different request, refused as a reused key).
/// </summary>
public sealed class ClaimPlanner(int shoppers, int campaigns, double replayShare, IdempotencyKeys keys, AcknowledgedClaims acknowledged)
{
    private long _fresh = -1;

    public PlannedClaim Next()
    {
        if (replayShare > 0 && Random.Shared.NextDouble() < replayShare && acknowledged.TryPickForReplay(out var first))
        {
            return new PlannedClaim(first.Shopper, first.Campaign, first.KeySequence, first.CouponId);
        }

        var shopper = (int)(Interlocked.Increment(ref _fresh) % shoppers);
        return new PlannedClaim(shopper, Random.Shared.Next(campaigns), keys.Next(), null);
    }
}
