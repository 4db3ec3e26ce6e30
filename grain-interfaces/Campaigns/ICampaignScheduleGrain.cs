namespace FlashSale.GrainInterfaces.Campaigns;

/// <summary>
/// A campaign's durable schedule (key: the campaign id): Orleans reminders on PostgreSQL warm the
/// campaign shortly before its first opening and wake it at its opening and its end, whether or not
/// its grain is active then, and across silo restarts. Claims never depend on them: each is judged
/// by the clock when it arrives.
/// </summary>
[Alias("FlashSale.ICampaignScheduleGrain")]
public interface ICampaignScheduleGrain : IGrainWithGuidKey
{
    /// <summary>Sets (or moves) the reminders; no opening one for a draft or a campaign already open.</summary>
    [Alias("Plan")]
    Task Plan(DateTimeOffset? opensAt, DateTimeOffset endsAt);

    /// <summary>
    /// Sets (or moves) the warm-up: the campaign grain is activated and its gates pushed to API nodes
    /// <c>Reminders:WarmUpLead</c> before <paramref name="firstOpening"/> (an early-access tier's, if
    /// earlier), so that the opening second is not spent activating; none for a draft or once open.
    /// </summary>
    [Alias("PlanWarmUp")]
    Task PlanWarmUp(DateTimeOffset? firstOpening);
}
