using System.Collections.Immutable;

namespace FlashSale.GrainInterfaces.Risk;

/// <summary>What a rule does to a claim whose signals meet all its conditions.</summary>
[GenerateSerializer, Alias("FlashSale.RuleAction")]
public enum RuleAction
{
    /// <summary>Let it through whatever other rules say (a known partner, a test account).</summary>
    Allow,
    /// <summary>Ask for a proof of work first, of the rule's difficulty.</summary>
    Challenge,
    /// <summary>Refuse it.</summary>
    Deny,
    /// <summary>Let it through, marked for review.</summary>
    Flag,
}

[GenerateSerializer, Alias("FlashSale.Comparison")]
public enum Comparison
{
    AtLeast,
    MoreThan,
    AtMost,
    LessThan,
    EqualTo,
    NotEqualTo,
}

/// <summary>One condition: a signal (<see cref="RiskSignals"/>) compared with a number.</summary>
[GenerateSerializer, Immutable, Alias("FlashSale.RuleCondition")]
public sealed record RuleCondition(
    [property: Id(0)] string Signal,
    [property: Id(1)] Comparison Comparison,
    [property: Id(2)] double Value)
{
    public bool HoldsFor(double signal) => Comparison switch
    {
        Comparison.AtLeast => signal >= Value,
        Comparison.MoreThan => signal > Value,
        Comparison.AtMost => signal <= Value,
        Comparison.LessThan => signal < Value,
        Comparison.EqualTo => signal == Value,
        _ => signal != Value,
    };
}

/// <summary>
/// An operator's rule, as of one revision: when every condition holds, its action, and its score added to
/// the claim's subjects (escalation blocks a subject whose score passes the threshold). Global, or for one
/// campaign. A dry-run rule only counts what it would have done.
/// </summary>
[GenerateSerializer, Immutable, Alias("FlashSale.RiskRule")]
public sealed record RiskRule(
    [property: Id(0)] Guid Id,
    [property: Id(1)] string Name,
    [property: Id(2)] Guid? CampaignId,
    [property: Id(3)] ImmutableArray<RuleCondition> When,
    [property: Id(4)] RuleAction Action,
    [property: Id(5)] int Score,
    [property: Id(6)] int Difficulty,
    [property: Id(7)] bool DryRun,
    [property: Id(8)] bool Enabled,
    [property: Id(9)] int Revision,
    [property: Id(10)] string ChangedBy,
    [property: Id(11)] DateTimeOffset ChangedAt,
    [property: Id(12)] bool Removed = false)
{
    public bool Matches(Func<string, double> signal)
    {
        foreach (var condition in When)
        {
            if (!condition.HoldsFor(signal(condition.Signal)))
            {
                return false;
            }
        }

        return true;
    }
}

/// <summary>The rules in force, as of a version that grows with every save.</summary>
[GenerateSerializer, Immutable, Alias("FlashSale.RiskRuleSet")]
public sealed record RiskRuleSet(
    [property: Id(0)] long Version,
    [property: Id(1)] ImmutableArray<RiskRule> Rules);
