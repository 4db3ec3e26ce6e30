using FlashSale.Api.Risk.Signals;
using FlashSale.GrainInterfaces.Risk;

namespace FlashSale.Api.Risk.Rules;

/// <summary>
/// This node's copy of the risk rules, each compiled to the positions of the signals it tests, so that a
/// claim is judged by reading numbers from an array: microseconds, whatever the rules' count.
/// </summary>
public sealed class LocalRules
{
    private volatile Compiled _rules = new(new RiskRuleSet(-1, []), []);

    public long Version => _rules.Set.Version;

    public IReadOnlyList<CompiledRule> All => _rules.Rules;

    public void Replace(RiskRuleSet set)
    {
        if (set.Version != _rules.Set.Version)
        {
            _rules = new Compiled(set, [.. set.Rules.Where(r => r.Enabled).Select(CompiledRule.Of)]);
        }
    }

    private sealed record Compiled(RiskRuleSet Set, CompiledRule[] Rules);
}

/// <summary>A rule with its conditions' signals looked up once.</summary>
public sealed class CompiledRule
{
    private readonly (int Position, int Per, RuleCondition Condition)[] _conditions;

    private CompiledRule(RiskRule rule)
    {
        Rule = rule;
        _conditions = [.. rule.When.Select(c => (ClaimSignals.PositionOf(c.Signal), c.Per is null ? NoRatio : ClaimSignals.PositionOf(c.Per), c))];
    }

    private const int NoRatio = int.MaxValue;

    public RiskRule Rule { get; }

    public static CompiledRule Of(RiskRule rule) => new(rule);

    /// <summary>A campaign's rule applies to it and its batches or variants (<paramref name="groupId"/>); a global rule to all.</summary>
    public bool AppliesTo(Guid campaignId, Guid? groupId) => Rule.CampaignId is not { } own || own == campaignId || own == groupId;

    public bool Matches(ClaimSignals signals)
    {
        foreach (var (position, per, condition) in _conditions)
        {
            // A signal unknown to this node (a rule saved by a newer one) never holds: the rule waits for the node.
            if (position < 0 || per < 0 || !condition.HoldsFor(signals.Values[position], per == NoRatio ? 1 : signals.Values[per]))
            {
                return false;
            }
        }

        return true;
    }
}
