namespace FlashSale.Grains.Ledger;

/// <summary>
/// The two writes <see cref="LedgerWriter"/> makes: <see cref="CouponLedger"/>'s, or in unit tests a
/// stand-in that decides when each write ends and how.
/// </summary>
public interface IClaimWrites
{
    /// <summary>One campaign's batch alone; throws <see cref="LedgerConflictException"/> having written nothing.</summary>
    Task IssueAsync(CampaignBatch batch);

    /// <summary>
    /// Several campaigns' batches in one transaction: the campaigns their fences refused, with why;
    /// throws having written nothing when a conflict only the write finds fails the whole transaction.
    /// </summary>
    Task<Dictionary<Guid, LedgerConflict>> IssueManyAsync(IReadOnlyList<CampaignBatch> batches);
}
