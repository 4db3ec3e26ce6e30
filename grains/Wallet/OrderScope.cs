namespace FlashSale.Grains.Wallet;

/// <summary>
/// Whose order an order id names, and so who may add coupons to it and cancel it (M5): a shopper's
/// own redemptions and checkouts make the shopper's orders; a till's make its merchant's, shared by
/// every till of that merchant. The same order id in two scopes is two orders.
/// </summary>
public readonly record struct OrderScope(string Value)
{
    public static OrderScope Shopper(string shopperId) => new("shopper:" + shopperId);

    public static OrderScope Merchant(string merchantId) => new("merchant:" + merchantId);

    public override string ToString() => Value;
}
