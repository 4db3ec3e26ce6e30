using System.Collections.Immutable;

namespace FlashSale.GrainInterfaces.Risk;

[GenerateSerializer, Alias("FlashSale.BlockKind")]
public enum BlockKind
{
    Shopper,
    Device,
    /// <summary>An IP address or a CIDR range.</summary>
    Address,
    /// <summary>A request fingerprint (headers and address range) as risk control computes it.</summary>
    Fingerprint,
}

/// <summary>An admin's block (or escalation's): claims from the shopper, device, address or fingerprint are refused until it is removed or expires.</summary>
[GenerateSerializer, Immutable, Alias("FlashSale.RiskBlock")]
public sealed record RiskBlock(
    [property: Id(0)] Guid Id,
    [property: Id(1)] BlockKind Kind,
    [property: Id(2)] string Value,
    [property: Id(3)] string Reason,
    [property: Id(4)] string CreatedBy,
    [property: Id(5)] DateTimeOffset CreatedAt,
    [property: Id(6)] DateTimeOffset? ExpiresAt)
{
    /// <summary>Who risk control's escalation blocks as (<c>createdBy</c>): it blocks a subject once while a block of its own holds.</summary>
    public const string EscalationCreator = "risk-escalation";
}

/// <summary>The blocks in force, as of a version that grows with every change.</summary>
[GenerateSerializer, Immutable, Alias("FlashSale.Blocklist")]
public sealed record Blocklist(
    [property: Id(0)] long Version,
    [property: Id(1)] ImmutableArray<RiskBlock> Blocks);
