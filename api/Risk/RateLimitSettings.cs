using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace FlashSale.Api.Risk;

/// <summary>
/// Configuration section <c>RateLimits</c>: token buckets per client address and per shopper, on
/// each API node. A bucket holds <c>Burst</c> requests and refills <c>PermitsPerSecond</c> a
/// second; 0 permits turns that limit off.
/// </summary>
public sealed class RateLimitSettings
{
    public const string Section = "RateLimits";

    [ValidateObjectMembers]
    public TokenBucket PerAddress { get; set; } = new() { PermitsPerSecond = 100, Burst = 200 };

    [ValidateObjectMembers]
    public TokenBucket PerShopper { get; set; } = new() { PermitsPerSecond = 5, Burst = 10 };

    /// <summary>How often buckets that have filled up again are forgotten.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "1.00:00:00", ErrorMessage = "must be between 1 ms and a day.")]
    public TimeSpan SweepEvery { get; set; } = TimeSpan.FromSeconds(5);

    public sealed class TokenBucket
    {
        [Range(0, int.MaxValue, ErrorMessage = "must be 0 (no limit) or more.")]
        public int PermitsPerSecond { get; set; }

        /// <summary>Never less than <see cref="PermitsPerSecond"/> in effect.</summary>
        [Range(0, int.MaxValue, ErrorMessage = "must be 0 or more.")]
        public int Burst { get; set; }
    }
}
