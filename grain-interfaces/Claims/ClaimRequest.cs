namespace FlashSale.GrainInterfaces.Claims;

/// <summary>One shopper's attempt to claim a coupon; the idempotency key is scoped to the shopper.</summary>
[GenerateSerializer, Immutable, Alias("FlashSale.ClaimRequest")]
public sealed record ClaimRequest(
    [property: Id(0)] string ShopperId,
    [property: Id(1)] string DeviceId,
    [property: Id(2)] string IdempotencyKey);
