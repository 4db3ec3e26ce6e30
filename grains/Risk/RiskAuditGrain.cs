using System.Collections.Immutable;
using FlashSale.GrainInterfaces.Risk;
using Orleans.Concurrency;

namespace FlashSale.Grains.Risk;

/// <summary>The entry to the silo's risk audit for API nodes and admins; a local worker, no state of its own.</summary>
[StatelessWorker]
public sealed class RiskAuditGrain(RiskAuditLog log, DurableRiskAudit durable, RiskAuditStore store, RiskLinkStore links) : Grain, IRiskAuditGrain
{
    public Task Record(ImmutableArray<RiskDecision> decisions)
    {
        foreach (var decision in decisions)
        {
            log.Record(decision);
        }

        return Task.CompletedTask;
    }

    public Task RecordDurably(ImmutableArray<RiskDecision> decisions) => durable.RecordAsync(decisions);

    public async Task<ImmutableArray<RiskDecision>> Find(RiskDecisionQuery query) => [.. await store.FindAsync(query)];

    public async Task<ImmutableArray<RuleCount>> CountByRule(Guid campaignId) => [.. await store.CountByRuleAsync(campaignId)];

    public async Task<ImmutableArray<AccountLink>> LinksOf(string shopperId) => [.. await links.LinksOfShopperAsync(shopperId)];
}
