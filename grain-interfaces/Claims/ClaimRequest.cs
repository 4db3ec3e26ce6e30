namespace FlashSale.GrainInterfaces.Claims;

/// <summary>One shopper's attempt to claim a coupon; the idempotency key is scoped to the shopper.</summary>
/// <param name="Tier">The shopper's member tier from their token, for early access; null when they have none.</param>
[GenerateSerializer, Immutable, Alias("FlashSale.ClaimRequest")]
public sealed record ClaimRequest(
    [property: Id(0)] string ShopperId,
    [property: Id(1)] string DeviceId,
    [property: Id(2)] string IdempotencyKey,
    [property: Id(3)] string? Tier = null);
