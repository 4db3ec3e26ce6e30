using System.Runtime.InteropServices;

namespace FlashSale.LoadGen.Load;

/// <summary>
/// What the server said yes to, and what the checks after the run need about the rest: 32 bytes per
/// acknowledged claim, a flag per campaign, and nothing per refused request, so that a run of many
/// millions of requests keeps its memory.
/// </summary>
public sealed class AcknowledgedClaims(int campaignCount)
{
    private const int MismatchSamplesKept = 5;

    private readonly List<AcknowledgedClaim> _claims = [];
    private readonly bool[] _soldOutSeen = new bool[campaignCount];
    private readonly List<string> _mismatchSamples = [];
    private long _replaysJudged;
    private long _replayMismatches;

    public long ReplaysJudged => Interlocked.Read(ref _replaysJudged);
    public long ReplayMismatches => Interlocked.Read(ref _replayMismatches);

    public IReadOnlyList<string> MismatchSamples
    {
        get
        {
            lock (_mismatchSamples)
            {
                return _mismatchSamples.ToArray();
            }
        }
    }

    public void Add(AcknowledgedClaim claim)
    {
        lock (_claims)
        {
            _claims.Add(claim);
        }
    }

    /// <summary>Any acknowledged claim, uniformly: what a shopper whose answer got lost would resend.</summary>
    public bool TryPickForReplay(out AcknowledgedClaim claim)
    {
        lock (_claims)
        {
            claim = _claims.Count > 0 ? _claims[Random.Shared.Next(_claims.Count)] : default;
            return _claims.Count > 0;
        }
    }

    public IReadOnlyList<AcknowledgedClaim> ToList()
    {
        lock (_claims)
        {
            return _claims.ToArray();
        }
    }

    public void SawSoldOut(int campaign) => Volatile.Write(ref _soldOutSeen[campaign], true);

    public bool SoldOutSeen(int campaign) => Volatile.Read(ref _soldOutSeen[campaign]);

    /// <summary>A replay got a definite answer; <paramref name="mismatch"/> says how it differed from the first, or is null.</summary>
    public void ReplayJudged(string? mismatch)
    {
        Interlocked.Increment(ref _replaysJudged);
        if (mismatch is null)
        {
            return;
        }

        Interlocked.Increment(ref _replayMismatches);
        lock (_mismatchSamples)
        {
            if (_mismatchSamples.Count < MismatchSamplesKept)
            {
                _mismatchSamples.Add(mismatch);
            }
        }
    }
}

/// <param name="CouponId">The coupon of the first yes; empty for a target that issues none (bare).</param>
[StructLayout(LayoutKind.Auto)]
public readonly record struct AcknowledgedClaim(int Shopper, int Campaign, long KeySequence, Guid CouponId);
