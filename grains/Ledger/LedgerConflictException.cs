namespace FlashSale.Grains.Ledger;

/// <summary>Why the ledger refused a whole batch. Nothing of the batch was written.</summary>
public enum LedgerConflict
{
    /// <summary>Someone else wrote this campaign since the grain last read it: its view is stale.</summary>
    StaleCount,
    /// <summary>A shopper slot went past the per-user limit: the grain's view is stale.</summary>
    LimitExceeded,
    /// <summary>An idempotency key in the batch already has a coupon.</summary>
    KeyTaken,
    /// <summary>The stock constraint or a uniqueness constraint fired: the grain's view is stale.</summary>
    ConstraintViolated,
    /// <summary>The campaign is paused, ended or a draft in the ledger (M6): an activation that did not know must not issue.</summary>
    Closed,
}

public sealed class LedgerConflictException(LedgerConflict conflict, Exception? inner = null)
    : Exception($"The ledger refused the batch: {conflict}.", inner)
{
    public LedgerConflict Conflict { get; } = conflict;
}
