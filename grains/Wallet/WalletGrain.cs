using System.Collections.Immutable;
using FlashSale.GrainInterfaces;
using FlashSale.GrainInterfaces.Campaigns;
using FlashSale.GrainInterfaces.Wallet;

namespace FlashSale.Grains.Wallet;

/// <summary>One shopper's wallet. Its changes take turns here; the store's row locks make them safe against merchants and other silos too.</summary>
public sealed class WalletGrain(WalletStore store, OrderBook orders, PointsStore points, AlertStore alerts, CardSecretStore secrets, TimeProvider clock) : Grain, IWalletGrain
{
    private string ShopperId => this.GetPrimaryKeyString();

    public Task<WalletPage> List(WalletQuery query) => store.ListAsync(ShopperId, query, clock.GetUtcNow());

    public Task<RedeemResult> Redeem(Guid couponId, OrderAmount order) =>
        orders.RedeemAsync(CouponRef.Held(couponId, ShopperId), OrderScope.Shopper(ShopperId), null, ShopperId, order, clock.GetUtcNow());

    public async Task<CheckoutPlan> Plan(decimal amount, string currency)
    {
        var now = clock.GetUtcNow();
        var order = new OrderAmount("", amount, currency);
        var uses = Combination.Apply(Combination.Best(await store.AvailableAsync(ShopperId, now), order, now), amount);
        return new CheckoutPlan([.. uses.Select(u => new PlannedUse(u.Coupon.CouponId, u.Coupon.CampaignId, u.Coupon.CampaignName, u.Discount))],
            uses.Sum(u => u.Discount));
    }

    public async Task<CheckoutResult> Checkout(OrderAmount order, ImmutableArray<Guid> couponIds)
    {
        var now = clock.GetUtcNow();
        // A retry finds the order's redemptions before planning again: it gets the first answer back.
        IReadOnlyList<Guid> chosen = couponIds.IsDefaultOrEmpty
            ? await orders.OrderCouponsAsync(order.OrderId, ShopperId) is { Count: > 0 } earlier
                ? earlier
                : [.. Combination.Best(await store.AvailableAsync(ShopperId, now), order, now).Select(c => c.CouponId)]
            : couponIds;
        return chosen.Count == 0
            ? new CheckoutResult(RedeemOutcome.Redeemed, [])
            : await orders.RedeemSetAsync(ShopperId, chosen, order, now);
    }

    public Task<PointsBalance> Points() => points.PointsAsync(ShopperId);

    public Task<PointsCardResult> RedeemPointsCard(Guid couponId) => points.RedeemPointsCardAsync(ShopperId, couponId, clock.GetUtcNow());

    public Task<PointsCredit> Credit(long credit, string note, string creditedBy, string? idempotencyKey) =>
        points.CreditAsync(ShopperId, credit, note, creditedBy, idempotencyKey, clock.GetUtcNow());

    public Task<AlertPage> Alerts(bool unreadOnly, PagePosition? after, int limit) => alerts.InboxAsync(ShopperId, unreadOnly, after, limit);

    public Task<bool> MarkRead(Guid alertId) => alerts.MarkReadAsync(ShopperId, alertId, clock.GetUtcNow());

    public Task<SecretReveal> RevealSecret(Guid couponId) => secrets.RevealAsync(ShopperId, couponId, clock.GetUtcNow());

    public Task<ImmutableArray<CouponOrder>> Orders(int limit) => orders.ShopperOrdersAsync(ShopperId, limit);

    public Task<RefundResult> Refund(string orderId) => orders.RefundAsync(orderId, OrderScope.Shopper(ShopperId), ShopperId, clock.GetUtcNow());

    public async Task<TransferResult> Transfer(Guid couponId, string recipientId)
    {
        if (recipientId == ShopperId)
        {
            return new TransferResult(TransferOutcome.InvalidRecipient);
        }

        // Through the campaign, which counts claims against limits and answers replays of the claim
        // that issued the coupon: after a transfer those no longer carry its code (M4).
        return await store.CampaignOfAsync(couponId) is { } campaignId
            ? await GrainFactory.GetGrain<ICampaignGrain>(campaignId).Transfer(couponId, ShopperId, recipientId)
            : new TransferResult(TransferOutcome.NotFound);
    }
}
