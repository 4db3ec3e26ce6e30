namespace FlashSale.Tests.Money.Model;

public sealed partial class WalletModel
{
    /// <summary><c>POST /api/me/coupons/{id}/redeem-points</c>: a points card the caller holds, credited once ever (M2); asked again, the same credit is the answer.</summary>
    public Outcome RedeemPoints(string shopper, Guid couponId, Moment at)
    {
        if (_coupons.GetValueOrDefault(couponId) is not { } coupon || coupon.Holder != shopper)
        {
            return Outcome.NotFound("coupon_not_found");
        }

        if (coupon.Kind != Kind.Points)
        {
            return Outcome.Conflict("not_a_points_card");
        }

        var points = (long)_campaigns[coupon.Campaign].Spec.Value;
        // Turned into points already, by this holder: the same credit heard again, nothing added.
        if (coupon.Used)
        {
            return Outcome.Ok($"credited={points} balance={PointsOf(shopper)}");
        }

        if (Unusable(coupon, at.Now) is { } spent)
        {
            return spent;
        }

        coupon.Used = true;
        coupon.EverUsed = true;
        _pointsCards.Add((coupon.Id, shopper, points));
        AddPoints(shopper, "points_card", points);
        return Outcome.Ok($"credited={points} balance={PointsOf(shopper)}");
    }

    /// <summary><c>POST /api/admin/points</c>.</summary>
    public Outcome Credit(string shopper, long points)
    {
        AddPoints(shopper, "credit", points);
        return Outcome.Ok($"balance={PointsOf(shopper)}");
    }

    private void AddPoints(string shopper, string reason, long delta)
    {
        _points[shopper] = PointsOf(shopper) + delta;
        _entries.Add(new ModelPointsEntry(shopper, reason, delta));
    }
}
