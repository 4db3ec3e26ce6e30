using FlashSale.GrainInterfaces.Risk;

namespace FlashSale.Api.Risk.Rules;

/// <param name="Op">One of <c>&gt;=</c>, <c>&gt;</c>, <c>&lt;=</c>, <c>&lt;</c>, <c>==</c>, <c>!=</c>.</param>
/// <param name="Per">Another signal to divide by (below 1 it counts as 1): the condition then compares the ratio, e.g.
/// <c>fingerprint.devices</c> per <c>fingerprint.accounts</c> <c>&gt;=</c> 3. Left out, the signal itself.</param>
public sealed record ConditionRequest(string? Signal, string? Op, double? Value, string? Per = null);

/// <param name="CampaignId">The campaign (a group's id covers its batches or variants); left out, every campaign.</param>
/// <param name="Action"><c>allow</c>, <c>challenge</c>, <c>deny</c> or <c>flag</c>.</param>
/// <param name="Difficulty">For <c>challenge</c>: 1 to 8, each step about four times the work.</param>
/// <param name="Score">0 to 1000 (default 0): added to the claim's shopper, device, fingerprint and address range.</param>
/// <param name="DryRun">Only count what the rule would do (audited as <c>dry_run</c>).</param>
/// <param name="Revision">On a revision (PUT): the revision it was edited from; if another was saved since, <c>409 rule_changed</c>.</param>
public sealed record RuleRequest(string? Name, Guid? CampaignId, List<ConditionRequest>? When, string? Action, int? Difficulty, int? Score,
    bool? DryRun, bool? Enabled, int? Revision = null);

/// <param name="Revision">The revision to put back in force; left out, a removed rule's last before its removal.</param>
public sealed record RestoreRequest(int? Revision);

/// <param name="Per">The signal divided by, when the condition compares a ratio; null otherwise.</param>
public sealed record ConditionResponse(string Signal, string Op, double Value, string? Per);

public sealed record RuleResponse(Guid Id, string Name, Guid? CampaignId, IReadOnlyList<ConditionResponse> When, string Action, int? Difficulty,
    int Score, bool DryRun, bool Enabled, int Revision, string ChangedBy, DateTimeOffset ChangedAt, bool Removed)
{
    public static RuleResponse Of(RiskRule rule) => new(rule.Id, rule.Name, rule.CampaignId,
        [.. rule.When.Select(c => new ConditionResponse(c.Signal, RuleValidation.OpOf(c.Comparison), c.Value, c.Per))],
        rule.Action.ToString().ToLowerInvariant(), rule.Action == RuleAction.Challenge ? rule.Difficulty : null, rule.Score, rule.DryRun, rule.Enabled,
        rule.Revision, rule.ChangedBy, rule.ChangedAt, rule.Removed);
}

public sealed record SignalResponse(string Name, string Meaning);

/// <param name="Claims">The claims this node saw in the last 30 minutes (up to 50,000) that the rule was tried on.</param>
/// <param name="Matched">How many it matched: what it would have acted on.</param>
/// <param name="Shoppers">How many shoppers those were.</param>
/// <param name="Examples">A few of them, newest first.</param>
public sealed record DryRunResponse(int Claims, int Matched, int Shoppers, string Action, IReadOnlyList<DryRunExample> Examples);

public sealed record DryRunExample(string ShopperId, string DeviceId, string Fingerprint, string Prefix, Guid CampaignId, DateTimeOffset At);
