namespace FlashSale.GrainInterfaces.Risk;

[GenerateSerializer, Alias("FlashSale.RiskVerdict")]
public enum RiskVerdict
{
    /// <summary>The request was turned away.</summary>
    Refused,
    /// <summary>The request went through, marked for review.</summary>
    Flagged,
}

/// <summary>
/// One risk decision as audited: who (shopper, device, address), what (campaign), which rule, when,
/// and what the rule saw (<see cref="Evidence"/>, a JSON object). Repeats of one decision within a
/// second may be recorded once with their count.
/// </summary>
[GenerateSerializer, Immutable, Alias("FlashSale.RiskDecision")]
public sealed record RiskDecision(
    [property: Id(0)] DateTimeOffset DecidedAt,
    [property: Id(1)] RiskVerdict Verdict,
    [property: Id(2)] string Rule,
    [property: Id(3)] Guid? CampaignId,
    [property: Id(4)] string? ShopperId,
    [property: Id(5)] string? DeviceId,
    [property: Id(6)] string? Address,
    [property: Id(7)] string Evidence,
    [property: Id(8)] int Occurrences = 1,
    [property: Id(9)] long Id = 0);

/// <summary>Which decisions to list: any combination of subjects, newest first, before a decision id for paging.</summary>
[GenerateSerializer, Immutable, Alias("FlashSale.RiskDecisionQuery")]
public sealed record RiskDecisionQuery(
    [property: Id(0)] Guid? CampaignId,
    [property: Id(1)] string? ShopperId,
    [property: Id(2)] string? DeviceId,
    [property: Id(3)] string? Rule,
    [property: Id(4)] long? Before,
    [property: Id(5)] int Limit);

/// <summary>How many decisions (counting repeats) one rule made on one campaign.</summary>
[GenerateSerializer, Immutable, Alias("FlashSale.RuleCount")]
public sealed record RuleCount(
    [property: Id(0)] string Rule,
    [property: Id(1)] RiskVerdict Verdict,
    [property: Id(2)] long Decisions);
