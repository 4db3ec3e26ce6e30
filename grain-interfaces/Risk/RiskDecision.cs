namespace FlashSale.GrainInterfaces.Risk;

[GenerateSerializer, Alias("FlashSale.RiskVerdict")]
public enum RiskVerdict
{
    /// <summary>The request was turned away.</summary>
    Refused,
    /// <summary>The request went through, marked for review.</summary>
    Flagged,
    /// <summary>The request was asked for a proof of work before it goes through.</summary>
    Challenged,
    /// <summary>A dry-run rule would have acted on the request; nothing was done.</summary>
    DryRun,
}

/// <summary>The verdicts' names, as the audit table and the API write them.</summary>
public static class RiskVerdictNames
{
    public static string Of(RiskVerdict verdict) => verdict switch
    {
        RiskVerdict.Flagged => "flagged",
        RiskVerdict.Challenged => "challenged",
        RiskVerdict.DryRun => "dry_run",
        _ => "refused",
    };

    public static RiskVerdict Parse(string name) => name switch
    {
        "flagged" => RiskVerdict.Flagged,
        "challenged" => RiskVerdict.Challenged,
        "dry_run" => RiskVerdict.DryRun,
        _ => RiskVerdict.Refused,
    };
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
    [property: Id(9)] long Id = 0,
    [property: Id(10)] string? Fingerprint = null);

/// <summary>Which decisions to list: any combination of subjects, newest first, before a decision id for paging.</summary>
[GenerateSerializer, Immutable, Alias("FlashSale.RiskDecisionQuery")]
public sealed record RiskDecisionQuery(
    [property: Id(0)] Guid? CampaignId,
    [property: Id(1)] string? ShopperId,
    [property: Id(2)] string? DeviceId,
    [property: Id(3)] string? Rule,
    [property: Id(4)] long? Before,
    [property: Id(5)] int Limit,
    [property: Id(6)] string? Fingerprint = null);

/// <summary>How many decisions (counting repeats) one rule made on one campaign.</summary>
[GenerateSerializer, Immutable, Alias("FlashSale.RuleCount")]
public sealed record RuleCount(
    [property: Id(0)] string Rule,
    [property: Id(1)] RiskVerdict Verdict,
    [property: Id(2)] long Decisions);
