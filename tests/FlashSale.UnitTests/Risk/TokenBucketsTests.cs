using System.Threading.RateLimiting;
using FlashSale.Api.Risk;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Time.Testing;

namespace FlashSale.UnitTests.Risk;

/// <summary>The per-key token buckets behind the edge rate limits, on a fake clock.</summary>
public sealed class TokenBucketsTests
{
    private readonly FakeTimeProvider _clock = new();

    private static HttpContext From(string? key)
    {
        var context = new DefaultHttpContext();
        context.Items["key"] = key;
        return context;
    }

    private TokenBuckets Buckets(int perSecond, int burst) =>
        new(context => context.Items["key"] as string, perSecond, burst, TimeSpan.FromSeconds(5), _clock);

    [Fact]
    public void A_key_gets_its_burst_then_is_refused_until_time_refills_it()
    {
        using var buckets = Buckets(perSecond: 2, burst: 3);

        Assert.All(Enumerable.Range(0, 3), _ => Assert.True(buckets.AttemptAcquire(From("shopper")).IsAcquired));
        Assert.False(buckets.AttemptAcquire(From("shopper")).IsAcquired);

        _clock.Advance(TimeSpan.FromMilliseconds(500));
        Assert.True(buckets.AttemptAcquire(From("shopper")).IsAcquired);
        Assert.False(buckets.AttemptAcquire(From("shopper")).IsAcquired);
    }

    [Fact]
    public void Keys_draw_from_their_own_buckets_and_unkeyed_requests_are_not_limited()
    {
        using var buckets = Buckets(perSecond: 1, burst: 1);

        Assert.True(buckets.AttemptAcquire(From("a")).IsAcquired);
        Assert.False(buckets.AttemptAcquire(From("a")).IsAcquired);
        Assert.True(buckets.AttemptAcquire(From("b")).IsAcquired);
        Assert.All(Enumerable.Range(0, 100), _ => Assert.True(buckets.AttemptAcquire(From(null)).IsAcquired));
    }

    [Fact]
    public void A_refusal_says_when_to_come_back()
    {
        using var buckets = Buckets(perSecond: 1, burst: 1);
        Assert.True(buckets.AttemptAcquire(From("a")).IsAcquired);

        using var refused = buckets.AttemptAcquire(From("a"));

        Assert.False(refused.IsAcquired);
        Assert.True(refused.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter));
        Assert.InRange(retryAfter, TimeSpan.FromMilliseconds(1), TimeSpan.FromSeconds(1));
    }
}
