namespace FlashSale.GrainInterfaces.Campaigns;

/// <summary>
/// A campaign's durable schedule (key: the campaign id): Orleans reminders on PostgreSQL wake the
/// campaign at its opening and its end, whether or not its grain is active then, and across silo
/// restarts. Claims never depend on them: each is judged by the clock when it arrives.
/// </summary>
[Alias("FlashSale.ICampaignScheduleGrain")]
public interface ICampaignScheduleGrain : IGrainWithGuidKey
{
    /// <summary>Sets (or moves) the reminders; no opening one for a draft or a campaign already open.</summary>
    [Alias("Plan")]
    Task Plan(DateTimeOffset? opensAt, DateTimeOffset endsAt);
}
