namespace FlashSale.Tests.Money.Model;

public sealed partial class WalletModel
{
    /// <summary>
    /// <c>POST /api/me/coupons/{id}/transfer</c>: a coupon the giver holds, of a campaign that allows
    /// it, still usable; on within-limit campaigns the recipient's claims and counted receipts stay
    /// below the per-user limit. The coupon gets a new code the model learns later from the holder's wallet.
    /// </summary>
    public Outcome Transfer(string from, Guid couponId, string to, Moment at)
    {
        if (to == from)
        {
            return Outcome.Unprocessable("invalid_recipient");
        }

        if (_coupons.GetValueOrDefault(couponId) is not { } coupon)
        {
            return Outcome.NotFound("coupon_not_found");
        }

        var spec = _campaigns[coupon.Campaign].Spec;
        var counted = spec.Transfer == TransferRule.WithinLimit;
        var recipientFull = counted && Holdings(to, coupon.Campaign) >= spec.PerUserLimit;
        if (coupon.Holder != from)
        {
            // The same transfer asked again: its last move was this one, and the recipient still holds it.
            if (coupon.Holder == to && _transfers.LastOrDefault(t => t.Coupon == coupon.Id) is { } last && last.From == from && last.To == to)
            {
                return Outcome.Ok();
            }

            if (recipientFull && Discrepancies.Tolerate(Discrepancies.RecipientLimitBeforeOwnership))
            {
                Note(Discrepancies.RecipientLimitBeforeOwnership);
                return Outcome.Conflict("recipient_limit_reached");
            }

            return Outcome.NotFound("coupon_not_found");
        }

        if (spec.Transfer == TransferRule.None)
        {
            return Outcome.Conflict("not_transferable");
        }

        // The campaign, which counts claims, judges the recipient's limit before the coupon's state is read.
        if (recipientFull)
        {
            return Outcome.Conflict("recipient_limit_reached");
        }

        if (Unusable(coupon, at.Now) is { } spent)
        {
            return spent;
        }

        coupon.Holder = to;
        coupon.Code = null;
        coupon.GivenAwayByClaimer |= from == coupon.ClaimedBy;
        _transfers.Add(new ModelTransfer(coupon.Id, from, to, counted));
        if (counted)
        {
            _receipts[(to, coupon.Campaign)] = _receipts.GetValueOrDefault((to, coupon.Campaign)) + 1;
        }

        return Outcome.Ok();
    }
}
