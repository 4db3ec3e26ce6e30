namespace FlashSale.Tests.Money.Model;

/// <summary>What a successful claim told the test, which the model cannot know: the new coupon's id, code and expiry.</summary>
public sealed record IssuedFacts(Guid CouponId, string Code, DateTimeOffset ExpiresAt);

public sealed partial class WalletModel
{
    /// <summary>
    /// <c>POST /api/campaigns/{id}/claims</c>: a replayed key gets its coupon again (without a code once
    /// the claimer gave it away); otherwise the per-user limit (claims and counted receipts), the stock
    /// (with what the recycler gave back), the points price and the daily cap, in the grain's order.
    /// </summary>
    public Outcome Claim(string shopper, Guid campaignId, string key, Moment at, IssuedFacts? issued)
    {
        if (_keys.TryGetValue((shopper, key), out var earlier))
        {
            var coupon = _coupons[earlier];
            return new Outcome(201, null, ReplayDetail(coupon));
        }

        var campaign = _campaigns[campaignId];
        var spec = campaign.Spec;
        var inFlight = at.InFlight && Discrepancies.Tolerate(Discrepancies.RefusedClaimHoldsItsPlace)
            ? _refusedInStep.Where(r => r.Campaign == campaignId).ToList()
            : [];
        if (Holdings(shopper, campaignId) >= spec.PerUserLimit)
        {
            return Outcome.Conflict("limit_reached");
        }

        if (Holdings(shopper, campaignId) + inFlight.Count(r => r.Shopper == shopper) >= spec.PerUserLimit)
        {
            Note(Discrepancies.RefusedClaimHoldsItsPlace);
            return Outcome.Conflict("limit_reached");
        }

        var recycled = at.Restocked ? Math.Max(campaign.RecycledAtLeast, campaign.Issued - spec.Stock + 1) : campaign.RecycledAtLeast;
        if (recycled > RecycleCeiling(campaignId, at.Now))
        {
            return new Outcome(0, "assumed_restock_impossible");
        }

        if (campaign.Issued >= spec.Stock + recycled)
        {
            return Outcome.Conflict("sold_out");
        }

        if (campaign.Issued + inFlight.Count >= spec.Stock + recycled)
        {
            Note(Discrepancies.RefusedClaimHoldsItsPlace);
            return Outcome.Conflict("sold_out");
        }

        if (spec.PointsPrice > 0 && PointsOf(shopper) < spec.PointsPrice)
        {
            _refusedInStep.Add((shopper, campaignId));
            return Outcome.Conflict("insufficient_points");
        }

        if (ClaimsToday(shopper) >= DailyClaimCap)
        {
            _refusedInStep.Add((shopper, campaignId));
            return Outcome.Conflict("daily_limit_reached");
        }

        if (issued is null || _coupons.ContainsKey(issued.CouponId))
        {
            return new Outcome(201, null, "issued a new coupon");
        }

        campaign.RecycledAtLeast = recycled;
        campaign.Issued++;
        _coupons[issued.CouponId] = new ModelCoupon
        {
            Id = issued.CouponId,
            Campaign = campaignId,
            Kind = spec.Kind,
            ClaimedBy = shopper,
            ExpiresAt = issued.ExpiresAt,
            Holder = shopper,
            Code = issued.Code,
            Balance = spec.CardValue,
        };
        _keys[(shopper, key)] = issued.CouponId;
        if (spec.PointsPrice > 0)
        {
            AddPoints(shopper, "claim", -spec.PointsPrice);
        }

        return new Outcome(201, null, "issued a new coupon");
    }

    /// <summary>A replay names the same coupon; its code only while the claimer has not given it away (M4).</summary>
    public static string ReplayDetail(ModelCoupon coupon) =>
        $"replayed coupon={coupon.Id} code={(coupon.GivenAwayByClaimer ? "-" : coupon.Code)} givenAway={coupon.GivenAwayByClaimer}";
}
