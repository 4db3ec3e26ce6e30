using System.Diagnostics;

namespace FlashSale.Grains.Campaigns;

/// <summary>
/// Spans of the work a campaign grain does for many callers at once: a round of limit reservations,
/// a group commit. A round is filed under the trace of its first traced claim, and every other traced
/// claim's grain call links to it, so that a slow claim's trace leads to the round that held it up.
/// Nothing is created while no tracer listens (tracing is off by default).
/// </summary>
internal static class ClaimRounds
{
    // The name operations/Tracing/TracingSetup listens to.
    private static readonly ActivitySource Source = new("FlashSale");

    /// <summary>The grain call admitting a claim, when it is being traced.</summary>
    public static Activity? CallerTrace => Activity.Current is { Recorded: true } call ? call : null;

    /// <summary>Starts the span of <paramref name="name"/> for <paramref name="round"/>; null when none of its claims is traced.</summary>
    public static Activity? Start(string name, Guid campaignId, List<AdmittedClaim> round)
    {
        if (!Source.HasListeners() || round.Find(claim => claim.Trace is not null)?.Trace is not { } first)
        {
            return null;
        }

        var span = Source.StartActivity(name, ActivityKind.Internal, first.Context);
        if (span is null)
        {
            return null;
        }

        span.SetTag("flashsale.campaign_id", campaignId);
        span.SetTag("flashsale.claims", round.Count);
        foreach (var claim in round)
        {
            if (claim.Trace is { } call && call != first)
            {
                call.AddLink(new ActivityLink(span.Context));
            }
        }

        return span;
    }

    /// <summary>
    /// Called first by a loop that serves every caller whose claims arrive while it runs: it must not
    /// go on in the trace of the call that happened to start it.
    /// </summary>
    public static void LeaveCallerTrace() => Activity.Current = null;
}
