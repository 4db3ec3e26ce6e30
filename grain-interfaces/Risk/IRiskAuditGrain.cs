using System.Collections.Immutable;

namespace FlashSale.GrainInterfaces.Risk;

/// <summary>The audit of risk decisions in PostgreSQL: a local worker on every silo.</summary>
[Alias("FlashSale.IRiskAuditGrain")]
public interface IRiskAuditGrain : IGrainWithIntegerKey
{
    /// <summary>Queues decisions for the next batched insert; API nodes send theirs here.</summary>
    [Alias("Record"), OneWay]
    Task Record(ImmutableArray<RiskDecision> decisions);

    /// <summary>
    /// Stores decisions and returns once they are committed: a refusal or challenge is on record before the
    /// claim hears of it. Concurrent calls share one insert.
    /// </summary>
    [Alias("RecordDurably")]
    Task RecordDurably(ImmutableArray<RiskDecision> decisions);

    [Alias("Find")]
    Task<ImmutableArray<RiskDecision>> Find(RiskDecisionQuery query);

    [Alias("CountByRule")]
    Task<ImmutableArray<RuleCount>> CountByRule(Guid campaignId);

    /// <summary>What links a shopper to other accounts: each fingerprint and address range they claimed from, with how many accounts share it.</summary>
    [Alias("LinksOf")]
    Task<ImmutableArray<AccountLink>> LinksOf(string shopperId);
}
