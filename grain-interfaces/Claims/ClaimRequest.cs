namespace FlashSale.GrainInterfaces.Claims;

/// <summary>One shopper's attempt to claim a coupon; the idempotency key is scoped to the shopper.</summary>
/// <param name="Tier">The shopper's member tier from their token, for early access; null when they have none.</param>
/// <param name="GateVersion">
/// The version of the campaign's gate the API node holds, trusted or not: a refusal then carries that
/// gate without its holders (a filter of up to 16 MiB the node already has). Null from older nodes.
/// </param>
[GenerateSerializer, Immutable, Alias("FlashSale.ClaimRequest")]
public sealed record ClaimRequest(
    [property: Id(0)] string ShopperId,
    [property: Id(1)] string DeviceId,
    [property: Id(2)] string IdempotencyKey,
    [property: Id(3)] string? Tier = null,
    [property: Id(4)] long? GateVersion = null);
