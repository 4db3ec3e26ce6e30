using FlashSale.GrainInterfaces.Campaigns;
using FlashSale.GrainInterfaces.Wallet;

namespace FlashSale.Grains.Wallet;

/// <summary>One shopper's wallet. Its changes take turns here; the store's row locks make them safe against merchants and other silos too.</summary>
public sealed class WalletGrain(WalletStore store, TimeProvider clock) : Grain, IWalletGrain
{
    private string ShopperId => this.GetPrimaryKeyString();

    public Task<WalletPage> List(WalletQuery query) => store.ListAsync(ShopperId, query, clock.GetUtcNow());

    public Task<RedeemResult> Redeem(Guid couponId, OrderAmount order) =>
        store.RedeemAsync(CouponRef.Held(couponId, ShopperId), ShopperId, order, clock.GetUtcNow());

    public Task<RefundResult> Refund(string orderId) => store.RefundAsync(orderId, RefundParty.Holder, ShopperId, clock.GetUtcNow());

    public async Task<TransferResult> Transfer(Guid couponId, string recipientId)
    {
        if (recipientId == ShopperId)
        {
            return new TransferResult(TransferOutcome.InvalidRecipient);
        }

        // Received coupons that count against a limit go through the campaign, which counts claims.
        return await store.TransferRuleOfAsync(couponId) switch
        {
            null => new TransferResult(TransferOutcome.NotFound),
            ({ } campaignId, TransferRule.WithinLimit) => await GrainFactory.GetGrain<ICampaignGrain>(campaignId).Transfer(couponId, ShopperId, recipientId),
            _ => await store.TransferAsync(couponId, ShopperId, recipientId, clock.GetUtcNow()),
        };
    }
}
