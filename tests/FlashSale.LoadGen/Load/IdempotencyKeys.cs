namespace FlashSale.LoadGen.Load;

/// <summary>
/// Keys are numbered, not random: a claim remembers 8 bytes instead of a string, and the ledger check
/// can still name the key it expects in PostgreSQL.
/// </summary>
public sealed class IdempotencyKeys(string runId)
{
    private long _last;

    public long Next() => Interlocked.Increment(ref _last);

    public string Of(long sequence) => $"{runId}-k{sequence}";
}
