using System.Collections.Immutable;
using FlashSale.Api.Risk.Rules;
using FlashSale.Api.Risk.Signals;
using FlashSale.GrainInterfaces.Risk;
using Microsoft.AspNetCore.Http;

namespace FlashSale.UnitTests.Risk;

/// <summary>How the rules' verdicts combine on one claim's signals.</summary>
public sealed class RiskEngineTests
{
    private static readonly Guid Campaign = Guid.NewGuid();
    private static readonly Guid Group = Guid.NewGuid();

    private static RiskRule Rule(string name, RuleAction action, string signal, Comparison comparison, double value, int score = 0, int difficulty = 0,
        bool dryRun = false, Guid? campaign = null) =>
        new(Guid.NewGuid(), name, campaign, [new RuleCondition(signal, comparison, value)], action, score, difficulty, dryRun, Enabled: true, 1, "admin",
            DateTimeOffset.UnixEpoch);

    private static ClaimSignals Claim(double accounts, double devices = 1, Guid? group = null)
    {
        var claim = new ClaimSignals(Campaign, group, "s", "d", RequestFingerprint.Of(new DefaultHttpContext().Request), DateTimeOffset.UnixEpoch);
        claim[RiskSignals.FingerprintAccounts] = accounts;
        claim[RiskSignals.FingerprintDevices] = devices;
        return claim;
    }

    private static RiskJudgement Judge(ClaimSignals claim, params RiskRule[] rules) =>
        RiskEngine.Judge([.. rules.Select(CompiledRule.Of)], claim);

    [Fact]
    public void The_strongest_matching_action_wins_its_scores_add_up_and_the_hardest_challenge_is_asked()
    {
        var rules = new[]
        {
            Rule("flag", RuleAction.Flag, RiskSignals.FingerprintAccounts, Comparison.AtLeast, 2, score: 5),
            Rule("easy", RuleAction.Challenge, RiskSignals.FingerprintAccounts, Comparison.AtLeast, 3, score: 10, difficulty: 2),
            Rule("hard", RuleAction.Challenge, RiskSignals.FingerprintDevices, Comparison.MoreThan, 4, score: 20, difficulty: 5),
            Rule("deny", RuleAction.Deny, RiskSignals.FingerprintAccounts, Comparison.AtLeast, 50, score: 100),
        };

        Assert.Equal(RiskJudgement.None, Judge(Claim(accounts: 1), rules));
        Assert.Equal((RuleAction.Flag, 5), (Judge(Claim(accounts: 2), rules).Action!.Value, Judge(Claim(accounts: 2), rules).Score));

        var challenged = Judge(Claim(accounts: 3, devices: 9), rules);
        Assert.Equal((RuleAction.Challenge, 5, 35), (challenged.Action!.Value, challenged.Difficulty, challenged.Score));
        Assert.Equal("easy", challenged.Deciding!.Name);

        var denied = Judge(Claim(accounts: 60), rules);
        Assert.Equal((RuleAction.Deny, "deny", 115), (denied.Action!.Value, denied.Deciding!.Name, denied.Score));
    }

    [Fact]
    public void An_allow_rule_lets_the_claim_through_unscored_whatever_else_matches()
    {
        var judged = Judge(Claim(accounts: 60),
            Rule("deny", RuleAction.Deny, RiskSignals.FingerprintAccounts, Comparison.AtLeast, 50, score: 100),
            Rule("partner", RuleAction.Allow, RiskSignals.FingerprintAccounts, Comparison.MoreThan, 0));

        Assert.Equal((RuleAction.Allow, 0), (judged.Action!.Value, judged.Score));
    }

    [Fact]
    public void A_dry_run_rule_only_says_it_would_have_matched_and_a_campaigns_rule_covers_its_group_only()
    {
        var dry = Rule("dry", RuleAction.Deny, RiskSignals.FingerprintAccounts, Comparison.AtLeast, 2, score: 50, dryRun: true);
        var judged = Judge(Claim(accounts: 3), dry);
        Assert.Null(judged.Action);
        Assert.Equal(0, judged.Score);
        Assert.Equal(["dry"], judged.WouldMatch.Select(r => r.Name), StringComparer.Ordinal);

        var groups = Rule("group's", RuleAction.Deny, RiskSignals.FingerprintAccounts, Comparison.AtLeast, 2, campaign: Group);
        Assert.Equal(RuleAction.Deny, Judge(Claim(accounts: 3, group: Group), groups).Action);
        Assert.Null(Judge(Claim(accounts: 3), groups).Action);
    }

    [Fact]
    public void A_condition_on_a_signal_this_node_does_not_know_never_holds()
    {
        var future = new RiskRule(Guid.NewGuid(), "future", null, [new RuleCondition("device.battery", Comparison.AtLeast, 0)], RuleAction.Deny, 0, 0,
            false, true, 1, "admin", DateTimeOffset.UnixEpoch);
        Assert.Null(Judge(Claim(accounts: 1), future).Action);
    }

    [Fact]
    public void A_ratio_tells_a_script_rotating_device_ids_from_a_crowd_behind_one_address()
    {
        var rotating = new RiskRule(Guid.NewGuid(), "rotating", null,
            [new RuleCondition(RiskSignals.FingerprintDevices, Comparison.AtLeast, 3, Per: RiskSignals.FingerprintAccounts)], RuleAction.Deny, 0, 0,
            false, true, 1, "admin", DateTimeOffset.UnixEpoch);

        // An office of 40 people, one phone each; a farm of 8 accounts that sent 40 device ids; one account, 3 ids.
        Assert.Null(Judge(Claim(accounts: 40, devices: 40), rotating).Action);
        Assert.Equal(RuleAction.Deny, Judge(Claim(accounts: 8, devices: 40), rotating).Action);
        Assert.Equal(RuleAction.Deny, Judge(Claim(accounts: 1, devices: 3), rotating).Action);
        // No accounts yet reads as one: no division by zero, the devices themselves compared.
        Assert.Equal(RuleAction.Deny, Judge(Claim(accounts: 0, devices: 3), rotating).Action);
        Assert.Null(Judge(Claim(accounts: 0, devices: 2), rotating).Action);
    }
}
