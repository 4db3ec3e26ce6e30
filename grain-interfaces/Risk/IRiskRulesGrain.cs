using System.Collections.Immutable;

namespace FlashSale.GrainInterfaces.Risk;

/// <summary>
/// The platform's risk rules (key 0), every revision kept in PostgreSQL; API nodes hold a copy and poll
/// for changes, so a rule saved during a sale is in force on every node within a second or two.
/// </summary>
[Alias("FlashSale.IRiskRulesGrain")]
public interface IRiskRulesGrain : IGrainWithIntegerKey
{
    /// <summary>
    /// Saves a new rule (<see cref="RiskRule.Revision"/> 0), or the next revision of the one edited (its
    /// <see cref="RiskRule.Revision"/> the revision the operator started from). Null when that is no longer
    /// the rule's latest: someone saved or removed it meanwhile, and overwriting their change unseen would lose it.
    /// </summary>
    [Alias("Save")]
    Task<RiskRule?> Save(RiskRule rule);

    /// <summary>Null when there is no such rule in force.</summary>
    [Alias("Remove")]
    Task<RiskRule?> Remove(Guid ruleId, string removedBy, DateTimeOffset at);

    /// <summary>Every revision of a rule, oldest first (its removal too); empty when there is no such rule.</summary>
    [Alias("Revisions")]
    Task<ImmutableArray<RiskRule>> Revisions(Guid ruleId);

    /// <summary>The rules removed and not restored, each as its removal (the rule as it last stood), the latest removed first; at most <paramref name="limit"/>.</summary>
    [Alias("Removed")]
    Task<ImmutableArray<RiskRule>> Removed(int limit);

    /// <summary>The rules when they changed since <paramref name="version"/>, else null.</summary>
    [Alias("ChangedSince")]
    Task<RiskRuleSet?> ChangedSince(long version);
}
