using System.Collections.Immutable;
using FlashSale.GrainInterfaces.Risk;

namespace FlashSale.Grains.Risk;

/// <summary>
/// The risk rules: each save goes to PostgreSQL as a new revision first, then to the set in memory that
/// API nodes poll. Saves take turns (one activation, non-reentrant), so revisions number 1, 2, 3… per rule.
/// </summary>
public sealed class RiskRulesGrain(RiskRuleStore store) : Grain, IRiskRulesGrain
{
    private RiskRuleSet _rules = new(0, []);

    public override async Task OnActivateAsync(CancellationToken cancellationToken) => _rules = await store.LoadAsync();

    public async Task<RiskRule?> Save(RiskRule rule)
    {
        var revision = _rules.Rules.FirstOrDefault(r => r.Id == rule.Id)?.Revision
            ?? (await store.RevisionsAsync(rule.Id)).Select(r => r.Revision).DefaultIfEmpty(0).Max();
        if (revision != rule.Revision)
        {
            return null;
        }

        var saved = rule with { Revision = revision + 1, Removed = false };
        var version = await store.SaveAsync(saved);
        _rules = new RiskRuleSet(version, [.. _rules.Rules.Where(r => r.Id != rule.Id), saved]);
        return saved;
    }

    public async Task<RiskRule?> Remove(Guid ruleId, string removedBy, DateTimeOffset at)
    {
        if (_rules.Rules.FirstOrDefault(r => r.Id == ruleId) is not { } rule)
        {
            return null;
        }

        var removed = rule with { Revision = rule.Revision + 1, Removed = true, ChangedBy = removedBy, ChangedAt = at };
        var version = await store.SaveAsync(removed);
        _rules = new RiskRuleSet(version, [.. _rules.Rules.Where(r => r.Id != ruleId)]);
        return removed;
    }

    public Task<ImmutableArray<RiskRule>> Revisions(Guid ruleId) => store.RevisionsAsync(ruleId);

    public Task<ImmutableArray<RiskRule>> Removed(int limit) => store.RemovedAsync(limit);

    public Task<RiskRuleSet?> ChangedSince(long version) => Task.FromResult(_rules.Version != version ? _rules : null);
}
