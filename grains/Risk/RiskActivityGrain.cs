using System.Collections.Immutable;
using System.Runtime.InteropServices;
using FlashSale.GrainInterfaces.Risk;

namespace FlashSale.Grains.Risk;

/// <summary>
/// One shard of the cluster's risk activity: adds up what API nodes report each second and answers with
/// the cluster's counts for the subjects reported. Fingerprints' and address ranges' accounts are links
/// kept in <c>risk_links</c>, written when new, before the answer, and read for a subject this shard has
/// not seen yet (with a shopper's first sighting), so a restart forgets only the last minute's claim counts,
/// the scores and which devices a fingerprint sent. Devices' accounts are the ledger's already (and the
/// device limits' hard counts); writing them again would double the rows a sale writes.
/// </summary>
public sealed class RiskActivityGrain(RiskLinkStore links, TimeProvider clock) : Grain, IRiskActivityGrain
{
    private static readonly TimeSpan LinkMemory = TimeSpan.FromDays(1);
    private readonly Dictionary<(SubjectKind Kind, string Value), SubjectActivity> _subjects = [];
    private DateTimeOffset _prunedAt;

    public async Task<ImmutableArray<ActivityCounts>> Report(ImmutableArray<ActivityReport> reports)
    {
        var now = clock.GetUtcNow();
        await LoadUnknownAsync(reports, now);

        var newLinks = new List<RiskLinkStore.Link>();
        var counts = ImmutableArray.CreateBuilder<ActivityCounts>(reports.Length);
        foreach (var report in reports)
        {
            ref var activity = ref CollectionsMarshal.GetValueRefOrNullRef(_subjects, (report.Kind, report.Value));
            foreach (var shopper in OrEmpty(report.Shoppers))
            {
                if (activity.SawShopper(IdHash.Of(shopper), report.At) && IsLinked(report.Kind))
                {
                    newLinks.Add(new RiskLinkStore.Link(RiskLinkStore.KindName(report.Kind), report.Value, shopper, report.At, report.At));
                }
            }

            foreach (var shopper in OrEmpty(report.ShopperHashes))
            {
                activity.SawShopper(shopper, report.At);
            }

            foreach (var device in OrEmpty(report.Devices))
            {
                activity.SawDevice(IdHash.Of(device), report.At);
            }

            foreach (var device in OrEmpty(report.DeviceHashes))
            {
                activity.SawDevice(device, report.At);
            }

            activity.Claimed(report.Claims, report.At);
            activity.Scored(report.Score, report.At);
            counts.Add(new ActivityCounts(report.Kind, report.Value, activity.Accounts, activity.Devices, activity.ClaimsPerMinute(now),
                activity.Score(now), activity.FirstSeen));
        }

        if (newLinks.Count > 0)
        {
            await links.SaveAsync(newLinks);
        }

        Prune(now);
        return counts.MoveToImmutable();
    }

    private async Task LoadUnknownAsync(ImmutableArray<ActivityReport> reports, DateTimeOffset now)
    {
        var unknown = reports.Select(r => (r.Kind, r.Value)).Distinct().Where(key => !_subjects.ContainsKey(key)).ToList();
        if (unknown.Count == 0)
        {
            return;
        }

        var firstReport = reports.Where(r => unknown.Contains((r.Kind, r.Value))).GroupBy(r => (r.Kind, r.Value)).ToDictionary(g => g.Key, g => g.Min(r => r.At));
        foreach (var key in unknown)
        {
            _subjects[key] = new SubjectActivity(firstReport[key]);
        }

        foreach (var link in await links.LinksOfAsync([.. unknown.Where(k => IsLinked(k.Kind))], now - LinkMemory))
        {
            ref var activity = ref CollectionsMarshal.GetValueRefOrNullRef(_subjects, (Enum.Parse<SubjectKind>(link.Kind, ignoreCase: true), link.Value));
            activity.SawShopper(IdHash.Of(link.ShopperId), link.LastSeen);
            activity.FirstSeenBy(link.FirstSeen);
        }

        var shoppers = unknown.Where(k => k.Kind == SubjectKind.Shopper).Select(k => k.Value).ToList();
        if (shoppers.Count > 0)
        {
            foreach (var (shopper, firstSeen) in await links.FirstSeenAsync(shoppers))
            {
                CollectionsMarshal.GetValueRefOrNullRef(_subjects, (SubjectKind.Shopper, shopper)).FirstSeenBy(firstSeen);
            }
        }
    }

    // A field the sending node's version did not have arrives as a default array.
    private static ImmutableArray<T> OrEmpty<T>(ImmutableArray<T> ids) => ids.IsDefault ? [] : ids;

    private static bool IsLinked(SubjectKind kind) => kind is SubjectKind.Fingerprint or SubjectKind.Prefix;

    // Once a minute: subjects quiet for a day go, so a shard's memory follows the day's traffic.
    private void Prune(DateTimeOffset now)
    {
        if (now - _prunedAt < TimeSpan.FromMinutes(1))
        {
            return;
        }

        _prunedAt = now;
        foreach (var key in _subjects.Keys)
        {
            if (CollectionsMarshal.GetValueRefOrNullRef(_subjects, key).Prune(now))
            {
                _subjects.Remove(key);
            }
        }
    }
}
