using FlashSale.LoadGen.Invariants;
using FlashSale.LoadGen.Stats;

namespace FlashSale.LoadGen.Report;

/// <summary>Everything a run found, as printed and as written to <c>--json</c> (camelCase; the field names are stable).</summary>
/// <param name="DurationSeconds">From the end of warm-up until the last measured request was answered.</param>
/// <param name="Requests">Measured requests, answered or not.</param>
/// <param name="Throughput">Measured requests per second.</param>
/// <param name="Issued">Measured answers that issued a new coupon; replays are not counted again.</param>
/// <param name="LatencyMs">From each request's start (closed loop) or due time (open loop) to its answer.</param>
/// <param name="ServiceTimeMs">Open loop only: from when each request was actually sent to its answer.</param>
/// <param name="Outcomes">Measured answers by status and code, e.g. <c>201</c>, <c>201 replayed</c>, <c>409 sold_out</c>.</param>
/// <param name="Invariants">Null when there was nothing to check (no <c>--db</c>, and no replays of coupons).</param>
/// <param name="RiskRules">Risk rules in force on each campaign while measured (<c>--risk-rules</c>).</param>
public sealed record RunReport(
    string RunId,
    string Target,
    string Mode,
    string BaseUrl,
    int Connections,
    double? Rate,
    double WarmupSeconds,
    double DurationSeconds,
    long Requests,
    double Throughput,
    long Issued,
    double ClaimsPerSecond,
    LatencySummary LatencyMs,
    LatencySummary? ServiceTimeMs,
    IReadOnlyDictionary<string, long> Outcomes,
    ErrorCounts Errors,
    ClientUsage Client,
    int Shoppers,
    IReadOnlyList<Guid> CampaignIds,
    InvariantReport? Invariants,
    IReadOnlyDictionary<string, ServerCpu>? ServerCpu = null,
    int RiskRules = 0);

/// <summary>Measured requests that got no HTTP answer (5xx answers are outcomes).</summary>
public sealed record ErrorCounts(long Total, long Transport, long Timeouts, long Unsent);

/// <summary>What a watched server process (<c>--watch-cpu</c>) used over the measured window.</summary>
public sealed record ServerCpu(double CpuSeconds, double CpuCores, double CpuMicrosecondsPerRequest, double? CpuMicrosecondsPerClaim);

/// <summary>What the generator itself cost, over warm-up and measurement: how close it came to being the bottleneck.</summary>
public sealed record ClientUsage(double CpuSeconds, double WallSeconds, double CpuCores, double CpuMicrosecondsPerRequest);
