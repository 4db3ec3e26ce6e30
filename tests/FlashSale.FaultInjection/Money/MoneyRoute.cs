namespace FlashSale.FaultInjection.Money;

/// <summary>The routes that move value, and marketing's controls, as the load calls them.</summary>
public enum MoneyRoute
{
    /// <summary><c>POST /api/me/coupons/{id}/redeem</c>: one coupon on the shopper's own order.</summary>
    Redeem,

    /// <summary><c>POST /api/me/checkout</c>: a set of the shopper's coupons on a new order, all or none.</summary>
    Checkout,

    /// <summary><c>POST /api/me/orders/{orderId}/refund</c>.</summary>
    ShopperRefund,

    /// <summary><c>POST /api/merchant/redemptions</c>: a till redeems the code a shopper shows.</summary>
    TillRedeem,

    /// <summary><c>POST /api/merchant/orders/{orderId}/refund</c>.</summary>
    TillRefund,

    /// <summary><c>POST /api/me/coupons/{id}/transfer</c>.</summary>
    Transfer,

    /// <summary><c>POST /api/admin/points</c> with an Idempotency-Key.</summary>
    Credit,

    /// <summary><c>POST /api/me/coupons/{id}/redeem-points</c>.</summary>
    PointsCard,

    /// <summary><c>POST /api/campaigns/{id}/pause</c>.</summary>
    Pause,

    /// <summary><c>POST /api/campaigns/{id}/resume</c>.</summary>
    Resume,

    /// <summary><c>POST /api/campaigns/{id}/end</c>.</summary>
    End,

    /// <summary><c>POST /api/campaigns/{id}/stock</c> with an Idempotency-Key.</summary>
    TopUp,
}
