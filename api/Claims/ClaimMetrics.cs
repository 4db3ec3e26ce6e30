using System.Diagnostics.Metrics;
using FlashSale.Operations.Metrics;

namespace FlashSale.Api.Claims;

/// <summary>
/// Every claim's answer as this node gave it, counted on the node because only it sees them all:
/// the local gates' refusals never reach a grain. Instruments and tags are made once; counting a
/// claim allocates nothing, and costs next to nothing while no exporter listens.
/// </summary>
internal static class ClaimMetrics
{
    private static readonly Meter Meter = new(MetricsSetup.FlashSaleMeter);

    private static readonly Counter<long> Claims = Meter.CreateCounter<long>(
        "flashsale.claims", "{claim}", "Claims answered, by outcome: issued, replayed or refused.");

    private static readonly Counter<long> Refusals = Meter.CreateCounter<long>(
        "flashsale.claim.refusals", "{claim}", "Refused claims, by code and by who refused: this API node (gates, checks) or the campaign grain.");

    private static readonly KeyValuePair<string, object?> IssuedOutcome = new("outcome", "issued");
    private static readonly KeyValuePair<string, object?> ReplayedOutcome = new("outcome", "replayed");
    private static readonly KeyValuePair<string, object?> RefusedOutcome = new("outcome", "refused");
    private static readonly KeyValuePair<string, object?> ByNode = new("refused_by", "api");
    private static readonly KeyValuePair<string, object?> ByGrain = new("refused_by", "grain");

    public static void Issued() => Claims.Add(1, IssuedOutcome);

    public static void Replayed() => Claims.Add(1, ReplayedOutcome);

    /// <summary>A refusal this node decided by itself: bad headers, unknown campaign, a gate or a block.</summary>
    public static void RefusedByNode(string code) => Refused(code, ByNode);

    /// <summary>A refusal the campaign grain decided, or a failed call to it (code <c>unavailable</c>).</summary>
    public static void RefusedByGrain(string code) => Refused(code, ByGrain);

    private static void Refused(string code, KeyValuePair<string, object?> by)
    {
        Claims.Add(1, RefusedOutcome);
        Refusals.Add(1, new KeyValuePair<string, object?>("code", code), by);
    }
}
