namespace FlashSale.GrainInterfaces.Risk;

/// <summary>The platform's one blocklist (key 0), kept in PostgreSQL; API nodes hold a copy and poll for changes.</summary>
[Alias("FlashSale.IBlocklistGrain")]
public interface IBlocklistGrain : IGrainWithIntegerKey
{
    [Alias("Block")]
    Task<RiskBlock> Block(RiskBlock block);

    /// <summary>False when no such block is in force.</summary>
    [Alias("Unblock")]
    Task<bool> Unblock(Guid blockId, string removedBy);

    /// <summary>The list when it changed since <paramref name="version"/>, else null.</summary>
    [Alias("ChangedSince")]
    Task<Blocklist?> ChangedSince(long version);
}
