namespace FlashSale.FaultInjection.Load;

/// <summary>Who sends a request: the token's subject, its role and, for marketing and tills, the merchant they work for.</summary>
public sealed record Actor(string UserId, string Role, string? Merchant = null)
{
    /// <summary>The merchant the API takes a token without a <c>merchant</c> claim to work for.</summary>
    public const string DefaultMerchant = "default";

    public static Actor Shopper(string shopperId) => new(shopperId, "shopper");

    /// <summary>Whose orders this actor's redemptions make (grains/Wallet/OrderScope.cs): the shopper's own, or the till's merchant's.</summary>
    public string OrderScope => Role == "merchant" ? "merchant:" + (Merchant ?? DefaultMerchant) : "shopper:" + UserId;
}
