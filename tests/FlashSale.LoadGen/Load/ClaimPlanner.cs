namespace FlashSale.LoadGen.Load;

/// <summary>
/// Chooses each request: mostly a fresh key from a random shopper on a random campaign; for the replay
/// share, a key that already got a yes, resent by the same shopper to the same campaign (to another
/// campaign it would be a different request, refused as a reused key).
/// </summary>
public sealed class ClaimPlanner(int shoppers, int campaigns, double replayShare, IdempotencyKeys keys, AcknowledgedClaims acknowledged)
{
    public PlannedClaim Next()
    {
        if (replayShare > 0 && Random.Shared.NextDouble() < replayShare && acknowledged.TryPickForReplay(out var first))
        {
            return new PlannedClaim(first.Shopper, first.Campaign, first.KeySequence, first.CouponId);
        }

        return new PlannedClaim(Random.Shared.Next(shoppers), Random.Shared.Next(campaigns), keys.Next(), null);
    }
}
