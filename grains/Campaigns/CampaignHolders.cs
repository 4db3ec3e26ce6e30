using FlashSale.GrainInterfaces.Gates;

namespace FlashSale.Grains.Campaigns;

/// <summary>
/// Which shoppers may hold a claim or a counted receipt on this campaign, as a Bloom filter: a "no"
/// lets admission skip reading the ledger for a shopper it does not know, and refusing gates carry a
/// copy so that API nodes refuse strangers without a grain call. A few bytes per holder, never their
/// claims: the claims themselves stay in the ledger.
///
/// The filter is complete only once it holds every holder the ledger had (read after activation, see
/// <see cref="BeginRead"/>) and every shopper admitted since. It grows by being read again into a
/// larger one when more shoppers than it was sized for have been added, because a Bloom filter
/// cannot be resized from its bits alone.
/// </summary>
internal sealed class CampaignHolders
{
    // Past this many holders the filter stops growing (16 MiB) and answers "maybe" more often, which costs ledger reads, never a wrong answer.
    private const long MostSized = 16L << 20;
    // 8 KiB: a thousand quiet campaigns hold 8 MiB of filters, and a hot one reads its holders again
    // only at 8k, 32k, 128k, ... holders (each read is one pass over its ledger rows).
    private const long LeastSized = 8192;

    private ulong[] _words;
    private ulong[]? _next;
    private long _added;
    private long _addedWhenReadBegan;
    private long _nextSizedFor;

    /// <param name="known">Holders already known (the ledger's coupons and receipts at activation).</param>
    /// <param name="complete">True when there is nothing in the ledger to read first (a new or untouched campaign).</param>
    public CampaignHolders(long known, bool complete)
    {
        SizedFor = SizeFor(known * 4);
        // An incomplete filter answers "maybe" to everyone: its bits wait for the read, which fills a filter of its own.
        _words = HolderFilter.WordsFor(complete ? SizedFor : LeastSized);
        Complete = complete;
    }

    /// <summary>True when every holder is in the filter: its "no" is certain.</summary>
    public bool Complete { get; private set; }

    /// <summary>Holders the filter was sized for.</summary>
    public long SizedFor { get; private set; }

    /// <summary>A read is under way (<see cref="BeginRead"/>).</summary>
    public bool Reading => _next is not null;

    /// <summary>
    /// True when a larger filter should be read: past half its size (16 bits a holder), where about
    /// one stranger in 400 hears "maybe" and costs a ledger read; at its full size it is one in 40.
    /// </summary>
    public bool Crowded => Complete && !Reading && _added * 2 > SizedFor && SizedFor < MostSized;

    public void Add(string shopperId)
    {
        _added++;
        HolderFilter.Add(_words, shopperId);
        if (_next is not null)
        {
            // The read sets bits in the same words from another thread.
            HolderFilter.Add(_next, shopperId, shared: true);
        }
    }

    /// <summary>False only for a shopper certainly without a claim or receipt here.</summary>
    public bool MayHold(string shopperId) => !Complete || HolderFilter.MayContain(_words, shopperId);

    /// <summary>
    /// Starts a read of the ledger's holders into a filter sized for four times as many as are known
    /// (or as the first was sized for): from now on, added shoppers go into both filters. Returns the words
    /// the read fills, from its own thread, with <c>shared</c> adds; the caller adds the shoppers
    /// whose claims are not in the ledger yet.
    /// </summary>
    public ulong[] BeginRead()
    {
        _nextSizedFor = SizeFor(Math.Max(SizedFor, _added * 4));
        _next = HolderFilter.WordsFor(_nextSizedFor);
        _addedWhenReadBegan = _added;
        return _next;
    }

    /// <summary>
    /// The ledger's <paramref name="holders"/> have been read into the words from <see cref="BeginRead"/>:
    /// that filter replaces this one, complete.
    /// </summary>
    public void EndRead(long holders)
    {
        _words = _next ?? throw new InvalidOperationException("No read of the holders was begun.");
        _next = null;
        SizedFor = _nextSizedFor;
        // The ledger's count, and the shoppers added while it was read (some counted twice: it only decides when to grow).
        _added = holders + (_added - _addedWhenReadBegan);
        Complete = true;
    }

    /// <summary>The read failed: the filter stays as it was (a new read may begin).</summary>
    public void AbandonRead() => _next = null;

    /// <summary>
    /// The filter for a gate, or null while it is not complete (the gate then lists no holders). Shared,
    /// not copied (16 MiB at most, per gate built): the bits set later only make a gate that holds it
    /// send more shoppers to the grain, never refuse one it should not.
    /// </summary>
    public HolderFilter? Filter() => Complete ? new HolderFilter(_words) : null;

    private static long SizeFor(long holders) => Math.Clamp(holders, LeastSized, MostSized);
}
