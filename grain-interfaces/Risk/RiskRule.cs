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

/// <summary>
/// One condition: a signal (<see cref="RiskSignals"/>), or its ratio to another (<see cref="Per"/>), compared
/// with a number. Ratios say what absolute counts cannot: a script rotating device ids sends many per account
/// (<c>fingerprint.devices</c> per <c>fingerprint.accounts</c>), a household or an office behind one address
/// about one each, however many they are.
/// </summary>
[GenerateSerializer, Immutable, Alias("FlashSale.RuleCondition")]
public sealed record RuleCondition(
    [property: Id(0)] string Signal,
    [property: Id(1)] Comparison Comparison,
    [property: Id(2)] double Value,
    [property: Id(3)] string? Per = null)
{
    /// <param name="per">The <see cref="Per"/> signal's value, when there is one; below 1 it counts as 1 (no division by zero).</param>
    public bool HoldsFor(double signal, double per = 1)
    {
        var compared = Per is null ? signal : signal / Math.Max(per, 1);
        return Comparison switch
        {
            Comparison.AtLeast => compared >= Value,
            Comparison.MoreThan => compared > Value,
            Comparison.AtMost => compared <= Value,
            Comparison.LessThan => compared < Value,
            Comparison.EqualTo => compared == Value,
            _ => compared != Value,
        };
    }
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
    [property: Id(12)] bool Removed = false);

/// <summary>The rules in force, as of a version that grows with every save.</summary>
[GenerateSerializer, Immutable, Alias("FlashSale.RiskRuleSet")]
public sealed record RiskRuleSet(
    [property: Id(0)] long Version,
    [property: Id(1)] ImmutableArray<RiskRule> Rules);
