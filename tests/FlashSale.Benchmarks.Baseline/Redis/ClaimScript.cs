using StackExchange.Redis;

namespace FlashSale.Benchmarks.Baseline.Redis;

public enum ClaimOutcome { Issued, Replayed, CampaignNotFound, KeyReused, LimitReached, SoldOut }

/// <param name="Coupon">The coupon's JSON body when issued or replayed.</param>
public sealed record ClaimReply(ClaimOutcome Outcome, string? Coupon);

/// <summary>
/// B1's whole claim as one Lua script, which Redis runs atomically: replay, then existence, per-user
/// limit and stock checks, then issue. The script is loaded once (SCRIPT LOAD) and each claim sends
/// only its SHA1 (EVALSHA), as a tuned deployment of this design would. A Redis that lost its script
/// cache (restarted, SCRIPT FLUSH) answers NOSCRIPT, and StackExchange.Redis then resends the text itself.
/// </summary>
public sealed class ClaimScript
{
    private const string Source = """
        local held = redis.call('HMGET', @claimKey, 'campaign', 'coupon')
        if held[1] then
            if held[1] == @campaignId then return {'replayed', held[2]} end
            return {'key_reused'}
        end
        local campaign = redis.call('HMGET', @campaignKey, 'stock', 'limit')
        if not campaign[1] then return {'campaign_not_found'} end
        local holding = tonumber(redis.call('HGET', @holdersKey, @shopperId) or 0)
        if holding >= tonumber(campaign[2]) then return {'limit_reached'} end
        if tonumber(campaign[1]) <= 0 then return {'sold_out'} end
        redis.call('HINCRBY', @campaignKey, 'stock', -1)
        redis.call('HINCRBY', @holdersKey, @shopperId, 1)
        redis.call('HSET', @claimKey, 'campaign', @campaignId, 'device', @deviceId, 'coupon', @coupon)
        return {'issued', @coupon}
        """;

    private static readonly LuaScript Prepared = LuaScript.Prepare(Source);

    private readonly IConnectionMultiplexer redis;
    private readonly LoadedLuaScript loaded;

    public ClaimScript(IConnectionMultiplexer redis)
    {
        this.redis = redis;
        loaded = Load();
    }

    /// <param name="coupon">The coupon to issue if the claim is admitted, as its JSON response body.</param>
    public async Task<ClaimReply> Run(Guid campaignId, string shopperId, string idempotencyKey, string deviceId, string coupon)
    {
        var parameters = new
        {
            claimKey = RedisKeys.Claim(shopperId, idempotencyKey),
            campaignKey = RedisKeys.Campaign(campaignId),
            holdersKey = RedisKeys.Holders(campaignId),
            campaignId = campaignId.ToString("N"),
            shopperId,
            deviceId,
            coupon,
        };
        var result = await loaded.EvaluateAsync(redis.GetDatabase(), parameters);
        var reply = (string[])result!;
        return reply[0] switch
        {
            "issued" => new ClaimReply(ClaimOutcome.Issued, reply[1]),
            "replayed" => new ClaimReply(ClaimOutcome.Replayed, reply[1]),
            "campaign_not_found" => new ClaimReply(ClaimOutcome.CampaignNotFound, null),
            "key_reused" => new ClaimReply(ClaimOutcome.KeyReused, null),
            "limit_reached" => new ClaimReply(ClaimOutcome.LimitReached, null),
            "sold_out" => new ClaimReply(ClaimOutcome.SoldOut, null),
            var other => throw new InvalidOperationException($"The claim script answered '{other}'."),
        };
    }

    private LoadedLuaScript Load()
    {
        LoadedLuaScript? script = null;
        foreach (var server in redis.GetServers())
        {
            script = Prepared.Load(server);
        }

        return script ?? throw new InvalidOperationException("Redis has no server to load the claim script on.");
    }
}
