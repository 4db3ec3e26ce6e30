namespace FlashSale.Api.Risk.Signals;

/// <summary>
/// The signals of this node's latest claims (up to <see cref="Capacity"/>, at most <see cref="Memory"/> old),
/// for a rule's dry run: what it would have done on the traffic just seen, before it acts on any.
/// </summary>
public sealed class RecentClaims(TimeProvider clock)
{
    public const int Capacity = 50_000;
    public static readonly TimeSpan Memory = TimeSpan.FromMinutes(30);

    private readonly ClaimSignals?[] _ring = new ClaimSignals?[Capacity];
    private long _next;

    public void Add(ClaimSignals claim) => _ring[(Interlocked.Increment(ref _next) - 1) % Capacity] = claim;

    /// <summary>The claims kept, oldest first.</summary>
    public IReadOnlyList<ClaimSignals> Snapshot()
    {
        var since = clock.GetUtcNow() - Memory;
        return [.. _ring.Where(c => c is not null && c.At >= since).Select(c => c!).OrderBy(c => c.At)];
    }
}
