using System.Collections.Concurrent;
using System.Threading.RateLimiting;

namespace FlashSale.Api.Risk;

/// <summary>
/// Token buckets per key (client address, shopper) for ASP.NET Core's rate limiting middleware,
/// refilled lazily when a key is next seen.
/// </summary>
/// <remarks>
/// The framework's partitioned token bucket walks every partition ten times a second to refill it.
/// With a million distinct shoppers that walk took 12% of the API node's CPU on the sold-out path;
/// here a bucket is refilled from the time elapsed when it is used, and buckets that have filled up
/// again are dropped by a sweep every few seconds (<c>RateLimits:SweepEvery</c>).
/// </remarks>
public sealed class TokenBuckets : PartitionedRateLimiter<HttpContext>
{
    private readonly Func<HttpContext, string?> _keyOf;
    private readonly double _burst;
    private readonly double _perSecond;
    private readonly TimeProvider _clock;
    private readonly ConcurrentDictionary<string, Bucket> _buckets = new(StringComparer.Ordinal);
    private readonly ITimer _sweep;

    /// <param name="keyOf">The bucket a request draws from; null for requests this limiter does not limit.</param>
    /// <param name="sweepEvery">How often buckets that have filled up again are dropped.</param>
    public TokenBuckets(Func<HttpContext, string?> keyOf, int permitsPerSecond, int burst, TimeSpan sweepEvery, TimeProvider clock)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(permitsPerSecond);
        _keyOf = keyOf;
        _perSecond = permitsPerSecond;
        _burst = Math.Max(burst, permitsPerSecond);
        _clock = clock;
        _sweep = clock.CreateTimer(_ => DropFullBuckets(), null, sweepEvery, sweepEvery);
    }

    public override RateLimiterStatistics? GetStatistics(HttpContext resource) => null;

    protected override RateLimitLease AttemptAcquireCore(HttpContext resource, int permitCount) => Take(resource, permitCount);

    // Never queues: a request over its limit is refused at once.
    protected override ValueTask<RateLimitLease> AcquireAsyncCore(HttpContext resource, int permitCount, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Take(resource, permitCount));

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _sweep.Dispose();
        }
    }

    private RateLimitLease Take(HttpContext resource, int permits)
    {
        if (_keyOf(resource) is not { } key)
        {
            return Lease.Granted;
        }

        while (true)
        {
            var now = _clock.GetTimestamp();
            var bucket = _buckets.GetOrAdd(key, static (_, state) => new Bucket(state.Burst, state.Now), (Burst: _burst, Now: now));
            lock (bucket)
            {
                if (bucket.Dropped)
                {
                    // The sweep dropped it between the lookup and the lock: a token taken from it would be forgotten.
                    continue;
                }

                bucket.Refill(now, _clock, _perSecond, _burst);
                if (bucket.Tokens >= permits)
                {
                    bucket.Tokens -= permits;
                    return Lease.Granted;
                }

                return new Lease(TimeSpan.FromSeconds((permits - bucket.Tokens) / _perSecond));
            }
        }
    }

    private void DropFullBuckets()
    {
        var now = _clock.GetTimestamp();
        foreach (var (key, bucket) in _buckets)
        {
            lock (bucket)
            {
                bucket.Refill(now, _clock, _perSecond, _burst);
                if (bucket.Tokens >= _burst)
                {
                    // A full bucket is what a new one would be: nothing is lost by forgetting it.
                    bucket.Dropped = true;
                    _buckets.TryRemove(KeyValuePair.Create(key, bucket));
                }
            }
        }
    }

    private sealed class Bucket(double tokens, long refilledAt)
    {
        public double Tokens { get; set; } = tokens;

        public bool Dropped { get; set; }

        private long RefilledAt { get; set; } = refilledAt;

        public void Refill(long now, TimeProvider clock, double perSecond, double burst)
        {
            Tokens = Math.Min(burst, Tokens + (clock.GetElapsedTime(RefilledAt, now).TotalSeconds * perSecond));
            RefilledAt = now;
        }
    }

    private sealed class Lease(TimeSpan? retryAfter) : RateLimitLease
    {
        public static readonly Lease Granted = new(null);

        public override bool IsAcquired => retryAfter is null;

        public override IEnumerable<string> MetadataNames => retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = retryAfter;
            return retryAfter is not null && metadataName == MetadataName.RetryAfter.Name;
        }
    }
}
