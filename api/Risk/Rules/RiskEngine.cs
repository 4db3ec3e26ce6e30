using FlashSale.Api.Risk.Signals;
using FlashSale.GrainInterfaces.Risk;

namespace FlashSale.Api.Risk.Rules;

/// <summary>
/// What the rules make of one claim: the strongest action among the live rules that match (deny over
/// challenge over flag), unless an allow rule matches, which lets it through whatever the others say; the
/// hardest difficulty among matching challenges; the matching rules' scores added up; and the dry-run
/// rules that would have matched.
/// </summary>
public sealed record RiskJudgement(RuleAction? Action, int Difficulty, int Score, IReadOnlyList<RiskRule> Matched, IReadOnlyList<RiskRule> WouldMatch)
{
    public static readonly RiskJudgement None = new(null, 0, 0, [], []);

    /// <summary>The rule whose action this is, for the audit and the answer.</summary>
    public RiskRule? Deciding => Action is { } action ? Matched.FirstOrDefault(r => r.Action == action) : null;
}

public sealed class RiskEngine(LocalRules rules)
{
    public RiskJudgement Judge(ClaimSignals signals) => Judge(rules.All, signals);

    public static RiskJudgement Judge(IReadOnlyList<CompiledRule> rules, ClaimSignals signals)
    {
        List<RiskRule>? matched = null;
        List<RiskRule>? wouldMatch = null;
        RuleAction? action = null;
        var (difficulty, score, allowed) = (0, 0, false);
        foreach (var rule in rules)
        {
            if (!rule.AppliesTo(signals.CampaignId, signals.GroupId) || !rule.Matches(signals))
            {
                continue;
            }

            if (rule.Rule.DryRun)
            {
                (wouldMatch ??= []).Add(rule.Rule);
                continue;
            }

            (matched ??= []).Add(rule.Rule);
            score += rule.Rule.Score;
            allowed |= rule.Rule.Action == RuleAction.Allow;
            if (Strength(rule.Rule.Action) > Strength(action))
            {
                action = rule.Rule.Action;
            }

            if (rule.Rule.Action == RuleAction.Challenge)
            {
                difficulty = Math.Max(difficulty, rule.Rule.Difficulty);
            }
        }

        if (matched is null && wouldMatch is null)
        {
            return RiskJudgement.None;
        }

        // An allow rule vouches for the claim: nothing else acts on it, and it scores nothing.
        return allowed
            ? new RiskJudgement(RuleAction.Allow, 0, 0, matched!, wouldMatch ?? [])
            : new RiskJudgement(action, difficulty, score, matched ?? [], wouldMatch ?? []);
    }

    private static int Strength(RuleAction? action) => action switch
    {
        RuleAction.Deny => 3,
        RuleAction.Challenge => 2,
        RuleAction.Flag => 1,
        _ => 0,
    };
}
