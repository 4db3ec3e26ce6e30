using System.Collections.Immutable;

namespace FlashSale.GrainInterfaces.Risk;

/// <summary>The platform's one blocklist (key 0), kept in PostgreSQL; API nodes hold a copy and poll for changes.</summary>
[Alias("FlashSale.IBlocklistGrain")]
public interface IBlocklistGrain : IGrainWithIntegerKey
{
    [Alias("Block")]
    Task<RiskBlock> Block(RiskBlock block);

    /// <summary>
    /// Blocks the account cluster behind a fingerprint block: every account <c>risk_links</c> links to its
    /// fingerprint within a day (at most <see cref="SubjectActivity.MaxDistinct"/>), and those the blocking node
    /// saw on it itself (a farm's burst is over before its links reach the table), each as a shopper block with
    /// the same creator and end, so that the accounts stay blocked from other devices and addresses. Accounts
    /// the creator already blocks are left as they are. Returns how many were blocked now.
    /// </summary>
    [Alias("BlockLinkedAccounts")]
    Task<int> BlockLinkedAccounts(RiskBlock fingerprintBlock, ImmutableArray<string> seenByNode);

    /// <summary>False when no such block is in force.</summary>
    [Alias("Unblock")]
    Task<bool> Unblock(Guid blockId, string removedBy);

    /// <summary>The list when it changed since <paramref name="version"/>, else null.</summary>
    [Alias("ChangedSince")]
    Task<Blocklist?> ChangedSince(long version);
}
