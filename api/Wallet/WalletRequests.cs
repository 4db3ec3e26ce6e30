namespace FlashSale.Api.Wallet;

/// <summary>The body of a redemption at checkout: the merchant's order id, its amount and currency.</summary>
public sealed record RedeemRequest(string? OrderId, decimal? Amount, string? Currency);

/// <summary>A merchant's redemption: the code the shopper shows, and the order.</summary>
public sealed record MerchantRedeemRequest(string? Code, string? OrderId, decimal? Amount, string? Currency);

/// <summary>Give a coupon to another shopper (their shopper id).</summary>
public sealed record TransferRequest(string? To);

/// <summary>An order's amount, to see which coupons would save the most on it.</summary>
public sealed record PlanRequest(decimal? Amount, string? Currency);

/// <summary>Redeem several coupons on one order, all or none; without <c>couponIds</c>, the set that saves the most.</summary>
public sealed record CheckoutRequest(string? OrderId, decimal? Amount, string? Currency, Guid[]? CouponIds);
