using StackExchange.Redis;

namespace FlashSale.Benchmarks.Baseline.Redis;

/// <summary>Where B1 keeps its state in Redis.</summary>
public static class RedisKeys
{
    /// <summary>Hash: <c>stock</c> (coupons left) and <c>limit</c> (coupons per shopper).</summary>
    public static RedisKey Campaign(Guid campaignId) => $"campaign:{campaignId:N}";

    /// <summary>Hash: shopper id → coupons of this campaign the shopper holds.</summary>
    public static RedisKey Holders(Guid campaignId) => $"campaign:{campaignId:N}:holders";

    /// <summary>
    /// Hash: the coupon issued under one shopper's Idempotency-Key. The shopper id is length-prefixed
    /// because both parts may contain ':' and no (shopper, key) pair may spell another pair's name.
    /// </summary>
    public static RedisKey Claim(string shopperId, string idempotencyKey) => $"claim:{shopperId.Length}:{shopperId}:{idempotencyKey}";
}
