using FlashSale.LoadGen.Stats;
using FlashSale.Scalpers.Sale;

namespace FlashSale.Scalpers.Report;

/// <summary>What one run of the scenario found, as printed and as written to <c>--json</c> (camelCase).</summary>
/// <param name="Rules">The rule file in force on the sale; null for a run without rules ("before").</param>
/// <param name="SoldOutAfterSeconds">From the opening to the first sold_out answer; null when it did not sell out.</param>
/// <param name="Decisions">The risk audit of the sale by population, rule and verdict (with <c>--db</c>).</param>
/// <param name="EscalationBlocks">Blocks escalation made on the subjects of the sale's decisions, by population and kind (with <c>--db</c>).</param>
public sealed record ScenarioReport(
    string RunId,
    Guid CampaignId,
    int Network,
    string? Rules,
    IReadOnlyList<string> RuleNames,
    int Stock,
    DateTimeOffset OpensAt,
    double? SoldOutAfterSeconds,
    CouponCount Coupons,
    OrdinaryReport Ordinary,
    FarmReport Farm,
    IReadOnlyList<DecisionCount>? Decisions,
    IReadOnlyList<BlockCount>? EscalationBlocks,
    double DurationSeconds);

/// <param name="FarmShare">The farm's coupons over the stock.</param>
/// <param name="Source">"ledger" (PostgreSQL's coupon rows) or "answers" (201s the populations got).</param>
public sealed record CouponCount(long Farm, long Ordinary, double FarmShare, string Source, long FarmAnswered, long OrdinaryAnswered);

/// <param name="Challenged">Shoppers asked for a proof of work at least once.</param>
/// <param name="Denied">Shoppers refused by a rule (403 risk_denied).</param>
/// <param name="Blocked">Shoppers refused by a block (403 risk_blocked).</param>
/// <param name="Read">Shoppers whose read of the campaign was answered.</param>
/// <param name="Where">Shoppers by where they call from (home, each carrier NAT).</param>
/// <param name="LargestFingerprint">The most ordinary shoppers who sent one header set from one /24: one fingerprint to the server.</param>
/// <param name="Last">Shoppers by the last answer they got.</param>
public sealed record OrdinaryReport(
    int Shoppers,
    int Read,
    int WithCoupon,
    int Challenged,
    double ChallengedPercent,
    int Denied,
    double DeniedPercent,
    int Blocked,
    double BlockedPercent,
    int RateLimited,
    IReadOnlyDictionary<string, int> Where,
    int LargestFingerprint,
    long Claims,
    LatencySummary ClaimLatencyMs,
    IReadOnlyDictionary<string, long> Answers,
    IReadOnlyDictionary<string, int> Last,
    SolverUsage Solving);

/// <param name="Challenges">428 answers: each one a proof of work to pay for.</param>
/// <param name="Denied">403 risk_denied answers.</param>
/// <param name="Blocked">403 risk_blocked answers.</param>
/// <param name="AccountsRefused">Accounts the farm dropped after a 403.</param>
public sealed record FarmReport(
    int Accounts,
    int Ranges,
    IReadOnlyList<string> HeaderSets,
    bool MimicsBrowser,
    long Claims,
    long Reads,
    int Coupons,
    long Challenges,
    long Denied,
    long Blocked,
    int AccountsRefused,
    long RateLimited,
    long NotStarted,
    LatencySummary ClaimLatencyMs,
    IReadOnlyDictionary<string, long> Answers,
    SolverUsage Solving);

/// <param name="Decisions">Decisions, repeats counted (the audit records a second's repeats once, with their count).</param>
public sealed record DecisionCount(string Population, string Rule, string Verdict, long Decisions, long Shoppers);

public sealed record BlockCount(string Population, string Kind, long Blocks);
