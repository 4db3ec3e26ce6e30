using System.Collections.Immutable;

namespace FlashSale.GrainInterfaces.Campaigns;

[GenerateSerializer, Alias("FlashSale.CampaignChangeKind")]
public enum CampaignChangeKind
{
    /// <summary>Makes a draft visible; it opens at its start.</summary>
    Publish,
    Pause,
    Resume,
    /// <summary>Ends the sale now, before its <c>endsAt</c>.</summary>
    End,
    /// <summary>Adds coupons to the stock; a sold-out campaign opens again.</summary>
    TopUp,
}

/// <param name="Add">For <see cref="CampaignChangeKind.TopUp"/>: how many coupons to add.</param>
/// <param name="IdempotencyKey">For top-ups: a retry with the same key adds nothing more.</param>
[GenerateSerializer, Immutable, Alias("FlashSale.CampaignChange")]
public sealed record CampaignChange(
    [property: Id(0)] CampaignChangeKind Kind,
    [property: Id(1)] string Actor,
    [property: Id(2)] int Add = 0,
    [property: Id(3)] string? IdempotencyKey = null);

[GenerateSerializer, Alias("FlashSale.CampaignChangeOutcome")]
public enum CampaignChangeOutcome
{
    Done,
    NotFound,
    /// <summary>The sale is over: nothing about it changes any more.</summary>
    Ended,
    AlreadyPaused,
    NotPaused,
    /// <summary>The top-up would take the stock past the most a campaign may have.</summary>
    StockTooLarge,
    /// <summary>Publishing a campaign that is not a draft.</summary>
    NotDraft,
    /// <summary>Editing a campaign that has opened: only drafts and campaigns before their start can be edited.</summary>
    AlreadyOpened,
    /// <summary>A change that applies to one batch or variant, asked of the campaign that groups them.</summary>
    UnitRequired,
    /// <summary>A top-up retried with its key: it was made once, and is not made again.</summary>
    Replayed,
    /// <summary>The key was used for another top-up (another amount, or another campaign's).</summary>
    KeyReused,
}

[GenerateSerializer, Immutable, Alias("FlashSale.CampaignChangeResult")]
public sealed record CampaignChangeResult(
    [property: Id(0)] CampaignChangeOutcome Outcome,
    [property: Id(1)] CampaignView? View = null);

/// <summary>One audited change: who, when, what, and the values it changed (JSON).</summary>
[GenerateSerializer, Immutable, Alias("FlashSale.CampaignChangeEntry")]
public sealed record CampaignChangeEntry(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] string Actor,
    [property: Id(2)] string Action,
    [property: Id(3)] string Details);
