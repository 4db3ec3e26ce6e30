using System.Collections.Immutable;
using FlashSale.GrainInterfaces.Campaigns;
using FlashSale.GrainInterfaces.Claims;

namespace FlashSale.GrainInterfaces.Gates;

/// <summary>
/// What an API node needs to refuse a campaign's claims without calling its grain: the sale window,
/// whether the stock is gone or the sale paused, and which shoppers might hold a coupon (their claims still go to the
/// grain, so that a replayed key gets its original coupon back).
/// </summary>
[GenerateSerializer, Immutable, Alias("FlashSale.CampaignGate")]
public sealed record CampaignGate(
    [property: Id(0)] Guid CampaignId,
    [property: Id(1)] long Version,
    [property: Id(2)] DateTimeOffset StartsAt,
    [property: Id(3)] DateTimeOffset EndsAt,
    [property: Id(4)] bool SoldOut,
    [property: Id(5)] HolderFilter? Holders,
    [property: Id(6)] bool Paused = false,
    [property: Id(7)] ImmutableArray<EarlyAccess> EarlyAccess = default)
{
    /// <summary>
    /// How long an API node acts on a gate after learning it. Short, because a gate that refuses
    /// must not outlive the state it describes by much: a node that missed the push that replaced
    /// it asks the grain again after this, and learns the current gate from the answer.
    /// </summary>
    public static readonly TimeSpan TrustedFor = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How long the grain keeps to a gate it handed out: a node's trust plus room for a push that
    /// arrived late or a node clock that runs behind.
    /// </summary>
    public static readonly TimeSpan HonoredFor = TimeSpan.FromSeconds(2);

    /// <summary>When the grain built this gate: its holders are the shoppers with a claim at that moment.</summary>
    public DateTimeOffset BuiltAt => new(Version, TimeSpan.Zero);

    /// <summary>When a shopper of <paramref name="tier"/> may start claiming.</summary>
    public DateTimeOffset OpensFor(string? tier) => EarlyAccess.OpensFor(StartsAt, tier);

    /// <summary>The refusal this gate gives a shopper's claim at <paramref name="now"/>, or null when only the grain can answer.</summary>
    public ClaimOutcome? RefusalFor(string shopperId, string? tier, DateTimeOffset now)
    {
        if (now < OpensFor(tier))
        {
            return ClaimOutcome.NotStarted;
        }

        var ended = now >= EndsAt;
        if (!ended && !SoldOut && !Paused)
        {
            return null;
        }

        // No filter means the holders are unknown here: only the grain can tell a replay from a new claim.
        // A gate built before the end does not list the claims admitted after it was built.
        if (Holders is null || Holders.MayContain(shopperId) || (ended && BuiltAt < EndsAt))
        {
            return null;
        }

        return ended ? ClaimOutcome.Ended : Paused ? ClaimOutcome.Paused : ClaimOutcome.SoldOut;
    }
}
