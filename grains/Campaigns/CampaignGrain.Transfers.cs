using FlashSale.GrainInterfaces.Campaigns;
using FlashSale.GrainInterfaces.Wallet;

namespace FlashSale.Grains.Campaigns;

/// <summary>
/// Giving a coupon of this campaign to another shopper, where received coupons count against the
/// recipient's per-user limit (or the giver's claim answers replays with its code): here, where
/// both are counted.
/// </summary>
public sealed partial class CampaignGrain
{
    public async Task<TransferResult> Transfer(Guid couponId, string fromShopper, string toShopper)
    {
        if (Definition is null)
        {
            return new TransferResult(TransferOutcome.NotFound);
        }

        await KnowVariantsAsync();
        var counted = Definition.UseOrDefault.Transfer == TransferRule.WithinLimit;
        // The giver, whose claim may answer replays with the coupon's code; the recipient when the coupon counts against their limit.
        string[] involved = counted ? [fromShopper, toShopper] : [fromShopper];
        await KnowAsync(involved);
        // They stay in memory until the transfer is in the ledger (see KnownShoppers).
        var pinned = involved.Select(Admission.ClaimsOf).ToList();
        pinned.ForEach(claims => claims.Pins++);
        try
        {
            return await TransferKnownAsync(couponId, fromShopper, toShopper, counted);
        }
        finally
        {
            pinned.ForEach(claims => claims.Pins--);
        }
    }

    private async Task<TransferResult> TransferKnownAsync(Guid couponId, string fromShopper, string toShopper, bool counted)
    {
        if (counted && (!IsShoppersVariant(toShopper) || Admission.ClaimsOf(toShopper).Count >= Definition!.PerUserLimit))
        {
            // Only the holder learns why: to anyone else the coupon does not exist (unless this giver gave it to them).
            return await wallets.HolderOfAsync(couponId) != fromShopper
                ? await wallets.EarlierTransferAsync(couponId, fromShopper, toShopper) ?? new TransferResult(TransferOutcome.NotFound)
                : !IsShoppersVariant(toShopper) ? new TransferResult(TransferOutcome.RecipientInOtherVariant)
                : new TransferResult(TransferOutcome.RecipientLimitReached);
        }

        // Within-limit receipts count from now on, so that claims admitted while the transfer is written see it.
        if (counted)
        {
            Admission.Received(toShopper);
        }

        var transferred = false;
        try
        {
            var result = await wallets.TransferAsync(couponId, fromShopper, toShopper, clock.GetUtcNow());
            transferred = result.Outcome == TransferOutcome.Transferred;
            return result;
        }
        finally
        {
            if (counted && !transferred)
            {
                Admission.ClaimsOf(toShopper).Received--;
            }

            // The claim that issued it no longer answers with its code: the code is the holder's (M4).
            if (transferred)
            {
                Admission.Find(fromShopper)?.GaveAway(couponId);
            }
        }
    }
}
