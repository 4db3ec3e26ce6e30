using System.Collections.Immutable;
using FlashSale.GrainInterfaces.Claims;
using FlashSale.GrainInterfaces.Risk;
using FlashSale.Grains.Ledger;
using FlashSale.Grains.Risk;
using Microsoft.Extensions.Logging;

namespace FlashSale.Grains.Campaigns;

/// <summary>
/// A campaign grain's side of the limits that span campaigns: reserves its admitted claims with the
/// shopper counters (every claim) and the device counters (when the campaign limits devices), one
/// call per counter bucket for a whole round of claims, then confirms or releases them.
/// </summary>
internal sealed class ClaimLimits(LimitCounterGrains counters, Guid campaignId, RiskPolicy policy, int dailyClaimCap, int pointsPrice, ILogger logger)
    : IClaimLimits
{
    private readonly IReadOnlyList<IShopperLimitsGrain> _shopperBuckets = counters.Shoppers;
    private readonly IReadOnlyList<IDeviceLimitsGrain> _deviceBuckets = counters.Devices;

    public bool LimitsDevices { get; } =
        policy.MaxAccountsPerDevice is not null || policy.MaxClaimsPerDevice is not null || policy.MaxClaimsPerDevicePerDay is not null;

    public BatchLimits ForLedger => new(dailyClaimCap, policy.MaxClaimsPerDevice, policy.MaxClaimsPerDevicePerDay, policy.MaxAccountsPerDevice, pointsPrice);

    /// <summary>
    /// Reserves every claim of the round. A granted claim gets its <see cref="AdmittedClaim.Slots"/>;
    /// a refused one is returned with why, every part already granted to it released. A counter that
    /// cannot be reached refuses as unavailable.
    /// </summary>
    public async Task<Dictionary<AdmittedClaim, Refusal>> ReserveAsync(List<AdmittedClaim> round)
    {
        var daily = Ask(round, c => c.ShopperId, (bucket, r) => _shopperBuckets[bucket].Reserve(r));
        var devices = LimitsDevices
            ? Ask(round, c => c.DeviceId, (bucket, r) => _deviceBuckets[bucket].Reserve(r))
            : Task.FromResult(new Dictionary<AdmittedClaim, DeviceSlots?>());
        var dailyAnswers = await daily;
        var deviceAnswers = await devices;

        var refusals = new Dictionary<AdmittedClaim, Refusal>();
        List<AdmittedClaim>? releaseDaily = null, releaseDevice = null;
        foreach (var claim in round)
        {
            var day = dailyAnswers[claim];
            var device = LimitsDevices ? deviceAnswers[claim] : null;
            var dayOk = day is { Refusal: null };
            var deviceOk = !LimitsDevices || device is { RefusedBy: null };
            if (dayOk && deviceOk)
            {
                claim.Slots = new RiskSlots(claim.Day, day!.Slot, Nonzero(device?.CampaignSlot), Nonzero(device?.DaySlot),
                    Nonzero(device?.AccountSlot));
                continue;
            }

            if (dayOk)
            {
                (releaseDaily ??= []).Add(claim);
            }

            if (LimitsDevices && deviceOk)
            {
                (releaseDevice ??= []).Add(claim);
            }

            refusals[claim] = day is null || (LimitsDevices && device is null) ? new Refusal(ClaimOutcome.Unavailable, null, null)
                : day.Refusal == ClaimOutcome.InsufficientPoints ? new Refusal(ClaimOutcome.InsufficientPoints, null, null)
                : !dayOk ? new Refusal(ClaimOutcome.DailyLimitReached, RiskRules.DailyClaimCap, dailyClaimCap)
                : new Refusal(ClaimOutcome.DeviceLimitReached, device!.RefusedBy, LimitOf(device.RefusedBy));
        }

        if (releaseDaily is not null)
        {
            ReleaseDaily(releaseDaily, afterFailedWrite: false);
        }

        if (releaseDevice is not null)
        {
            ReleaseDevices(releaseDevice, afterFailedWrite: false);
        }

        return refusals;
    }

    /// <summary>
    /// Activates the counters this campaign's claims will ask, ahead of its opening: each reads its
    /// bucket's claims of the day when it activates, which at the opening instant would hold up the
    /// first round (an empty confirmation changes nothing).
    /// </summary>
    public Task WarmAsync() =>
        Task.WhenAll(_shopperBuckets.Select(bucket => bucket.Confirm([]))
            .Concat(LimitsDevices ? _deviceBuckets.Select(bucket => bucket.Confirm([])) : []));

    public void Confirm(IReadOnlyCollection<AdmittedClaim> claims)
    {
        Tell(claims, c => c.ShopperId, (bucket, ids) => _shopperBuckets[bucket].Confirm(ids));
        if (LimitsDevices)
        {
            Tell(claims, c => c.DeviceId, (bucket, ids) => _deviceBuckets[bucket].Confirm(ids));
        }
    }

    public void Release(IReadOnlyCollection<AdmittedClaim> claims, bool afterFailedWrite)
    {
        ReleaseDaily(claims, afterFailedWrite);
        if (LimitsDevices)
        {
            ReleaseDevices(claims, afterFailedWrite);
        }
    }

    private void ReleaseDaily(IReadOnlyCollection<AdmittedClaim> claims, bool afterFailedWrite) =>
        Tell(claims, c => c.ShopperId, (bucket, ids) => _shopperBuckets[bucket].Release(ids, afterFailedWrite));

    private void ReleaseDevices(IReadOnlyCollection<AdmittedClaim> claims, bool afterFailedWrite) =>
        Tell(claims, c => c.DeviceId, (bucket, ids) => _deviceBuckets[bucket].Release(ids, afterFailedWrite));

    private LimitReservation ReservationOf(AdmittedClaim claim) =>
        new(claim.ReservationId, campaignId, claim.ShopperId, claim.DeviceId, claim.Day, dailyClaimCap, policy, pointsPrice);

    /// <summary>One call per bucket; a bucket that fails answers null for each of its claims.</summary>
    private async Task<Dictionary<AdmittedClaim, T?>> Ask<T>(List<AdmittedClaim> round, Func<AdmittedClaim, string> owner,
        Func<int, ImmutableArray<LimitReservation>, Task<ImmutableArray<T>>> call) where T : class
    {
        var buckets = round.GroupBy(c => LimitBuckets.Of(owner(c)))
            .Select(g => (Claims: g.ToList(), Call: call(g.Key, [.. g.Select(ReservationOf)])))
            .ToList();
        var answers = new Dictionary<AdmittedClaim, T?>(round.Count);
        foreach (var (claims, pending) in buckets)
        {
            ImmutableArray<T>? results = null;
            try
            {
                results = await pending;
            }
            catch (Exception e)
            {
                // Refused as unavailable below, safe to retry; any hold it made expires.
                ClaimLimitsLog.BucketUnreachable(logger, e, campaignId);
            }

            for (var i = 0; i < claims.Count; i++)
            {
                answers[claims[i]] = results?[i];
            }
        }

        return answers;
    }

    private static void Tell(IEnumerable<AdmittedClaim> claims, Func<AdmittedClaim, string> owner, Func<int, ImmutableArray<Guid>, Task> send)
    {
        foreach (var bucket in claims.GroupBy(c => LimitBuckets.Of(owner(c))))
        {
            send(bucket.Key, [.. bucket.Select(c => c.ReservationId)]).Ignore();
        }
    }

    private static int? Nonzero(int? slot) => slot is null or 0 ? null : slot;

    private int? LimitOf(string? rule) => rule switch
    {
        RiskRules.MaxAccountsPerDevice => policy.MaxAccountsPerDevice,
        RiskRules.MaxClaimsPerDevice => policy.MaxClaimsPerDevice,
        RiskRules.MaxClaimsPerDevicePerDay => policy.MaxClaimsPerDevicePerDay,
        _ => null,
    };

    /// <summary>Why a claim was refused: the outcome, and the rule and limit that refused it when a limit did.</summary>
    public sealed record Refusal(ClaimOutcome Outcome, string? Rule, int? Limit);
}

internal static partial class ClaimLimitsLog
{
    [LoggerMessage(EventId = 2021, Level = LogLevel.Warning, Message = "Limit counter bucket unreachable for campaign {CampaignId}")]
    public static partial void BucketUnreachable(ILogger logger, Exception exception, Guid campaignId);
}
