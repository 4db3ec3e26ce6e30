namespace FlashSale.Api.Risk.Signals;

/// <summary>
/// The signals of this node's latest claims (up to <see cref="Capacity"/>, at most <see cref="Memory"/> old),
/// for a rule's dry run: what it would have done on the traffic just seen, before it acts on any.
/// <para>
/// Copied into arrays made once rather than kept as the claims' own objects: at E1's rate a claim's signals
/// would live for seconds, long enough to be promoted and die in the oldest generation, and measured under E1
/// (BENCHMARKS.md, "Risk rules and scalpers") keeping them and the first sightings made each collection about
/// twice as long. The ids kept are the claim's own strings, which its first sightings hold anyway.
/// </para>
/// </summary>
public sealed class RecentClaims(TimeProvider clock)
{
    public const int Capacity = 50_000;
    public static readonly TimeSpan Memory = TimeSpan.FromMinutes(30);
    private static readonly int Signals = ClaimSignals.Names.Length;

    private readonly double[] _values = new double[Capacity * Signals];
    private readonly Kept[] _kept = new Kept[Capacity];
    // Per slot, odd while a claim is being written into it: a dry run skips a slot that changed under it.
    private readonly long[] _versions = new long[Capacity];
    private long _next;

    public void Add(ClaimSignals claim)
    {
        var slot = (int)((Interlocked.Increment(ref _next) - 1) % Capacity);
        var version = Interlocked.Increment(ref _versions[slot]);
        claim.Values.CopyTo(_values.AsSpan(slot * Signals, Signals));
        _kept[slot] = new Kept(claim.CampaignId, claim.GroupId, claim.ShopperId, claim.DeviceId, claim.Request, claim.At);
        Volatile.Write(ref _versions[slot], version + 1);
    }

    /// <summary>The claims kept, oldest first.</summary>
    public IReadOnlyList<ClaimSignals> Snapshot()
    {
        var since = clock.GetUtcNow() - Memory;
        var claims = new List<ClaimSignals>();
        for (var slot = 0; slot < Capacity; slot++)
        {
            var version = Volatile.Read(ref _versions[slot]);
            if (version == 0 || version % 2 == 1)
            {
                continue;
            }

            var kept = _kept[slot];
            if (kept.At < since)
            {
                continue;
            }

            var claim = new ClaimSignals(kept.CampaignId, kept.GroupId, kept.ShopperId, kept.DeviceId, kept.Request, kept.At);
            _values.AsSpan(slot * Signals, Signals).CopyTo(claim.Values);
            Interlocked.MemoryBarrier();
            if (Volatile.Read(ref _versions[slot]) == version)
            {
                claims.Add(claim);
            }
        }

        return [.. claims.OrderBy(c => c.At)];
    }

    [System.Runtime.InteropServices.StructLayout(System.Runtime.InteropServices.LayoutKind.Auto)]
    private readonly record struct Kept(Guid CampaignId, Guid? GroupId, string ShopperId, string DeviceId, RequestFingerprint Request, DateTimeOffset At);
}
