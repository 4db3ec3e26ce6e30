using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using FlashSale.GrainInterfaces.Risk;

namespace FlashSale.Api.Risk.Signals;

/// <summary>
/// This node's view of who is claiming: what it saw itself (exact, at once) and the cluster's counts for
/// the same subjects (as of its last report, a second ago at most). A count is the larger of the two (each
/// node's part is in the cluster's, so adding them would count it twice); claims per minute are the
/// cluster's plus this node's since its last report.
/// <para>
/// Most subjects of a big sale are seen once (a million shoppers, each with a phone and a home range), and
/// no rule can act on one claim's counts: such a subject is only a <see cref="FirstSightings"/> entry,
/// bounded in memory and dropped a generation at a time. Seen again (or scored), it becomes a subject
/// counted in full and reported to the cluster's shards. Each second's report walks only the subjects that
/// changed; quiet ones are forgotten once a minute, after ten minutes. Measured in BENCHMARKS.md ("Risk
/// rules and scalpers"): keeping every subject in full, with a walk over all of them each second, cost E1 a
/// quarter of its throughput.
/// </para>
/// <para>
/// What this node keeps for minutes refers to no claim's strings: subjects are values in their stripe's table,
/// keyed and counting ids by <see cref="IdHash"/>. A node makes about a thousand subjects a second at 4,000
/// claims/s, and every string of a request that an old table kept was promoted and traced by the young
/// collections: keyed by hash, they mark through the older generations half as long (BENCHMARKS.md, "Subjects
/// counted by their ids' hashes"), and with a subject's first two ids kept in place, not in arrays, its young
/// collections are as short as a node's without risk control ("A subject's first two ids in place"). Strings are
/// kept only where they must be handed on: a subject's own id until its next report (a second at most), and a
/// fingerprint's or range's accounts, the links that the cluster stores and escalation blocks.
/// </para>
/// </summary>
public sealed partial class LocalActivity(TimeProvider clock)
{
    /// <summary>First sightings kept per generation, all kinds together (two generations at most).</summary>
    public const int SightingsCapacity = 250_000;
    private const int StripeCount = 16;
    private static readonly TimeSpan Memory = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan PruneEvery = TimeSpan.FromMinutes(1);

    private readonly Stripe[] _stripes = [.. Enumerable.Range(0, StripeCount).Select(_ => new Stripe())];
    private DateTimeOffset _prunedAt = DateTimeOffset.MinValue;

    /// <summary>Subjects counted in full on this node now (not those seen once).</summary>
    public int Counted => _stripes.Sum(stripe =>
    {
        lock (stripe.Lock)
        {
            return stripe.Counted.Count;
        }
    });

    /// <summary>
    /// Counts the claim, then reads its signals. A claim sent again (its shopper's last claim on this node,
    /// by idempotency key) is the same claim: it is read, not counted again. A phone retrying on a poor
    /// network is not a faster claimant, a script resending a key gets its first answer back and nothing
    /// more, and counting resends made every retrying shopper a subject counted in full: most of the API
    /// node's long-lived memory under E1, whose claims are 5% resends (BENCHMARKS.md, "Resent claims").
    /// </summary>
    public ClaimSignals Observe(Guid campaignId, Guid? groupId, string shopperId, string deviceId, RequestFingerprint request, string idempotencyKey)
    {
        var now = clock.GetUtcNow();
        var signals = new ClaimSignals(campaignId, groupId, shopperId, deviceId, request, now);
        var (shopper, device, fingerprint, prefix) = SubjectsOf(shopperId, deviceId, request);
        // A hash, not the key: a shopper's two claims colliding (one in four billion) under-counts one claim.
        var claimKey = StringComparer.Ordinal.GetHashCode(idempotencyKey);
        if (LastClaimOf(shopper) == claimKey)
        {
            return Read(signals, Known(shopper, now), Known(device, now), Known(fingerprint, now), Known(prefix, now), now);
        }

        var (shopperHash, deviceHash) = (IdHash.Of(shopperId), IdHash.Of(deviceId));
        return Read(signals,
            Count(shopper, new Sighting(now, null, deviceHash, claimKey)),
            Count(device, new Sighting(now, shopperHash, null)),
            Count(fingerprint, new Sighting(now, shopperHash, deviceHash, shopperToLink: shopperId)),
            Count(prefix, new Sighting(now, shopperHash, null, shopperToLink: shopperId)),
            now);
    }

    /// <summary>
    /// The signals of a request that is no claim (a use, a gift, a payment), counting nothing: what the
    /// subjects' claims say about them. Subjects never seen read as zero.
    /// </summary>
    public ClaimSignals Peek(string shopperId, string deviceId, RequestFingerprint request)
    {
        var now = clock.GetUtcNow();
        var (shopper, device, fingerprint, prefix) = SubjectsOf(shopperId, deviceId, request);
        return Read(new ClaimSignals(Guid.Empty, null, shopperId, deviceId, request, now), Known(shopper, now), Known(device, now),
            Known(fingerprint, now), Known(prefix, now), now);
    }

    /// <summary>Adds what matched rules scored to the claim's subjects; returns each subject's score now.</summary>
    public IReadOnlyList<(SubjectKind Kind, string Value, int Score)> Score(ClaimSignals claim, int score)
    {
        var now = clock.GetUtcNow();
        var (shopper, device, fingerprint, prefix) = SubjectsOf(claim.ShopperId, claim.DeviceId, claim.Request);
        return [.. new[] { shopper, device, fingerprint, prefix }.Select(key =>
        {
            var stripe = StripeOf(key);
            lock (stripe.Lock)
            {
                ref var subject = ref CountedSubject(stripe, key);
                Changed(stripe, key, subject.AddScore(score, now));
                return (key.Kind, key.Value, subject.Read(now).Score);
            }
        })];
    }

    /// <summary>What changed since the last call, one report per subject; forgets subjects quiet for ten minutes.</summary>
    public ImmutableArray<ActivityReport> TakeReports()
    {
        var now = clock.GetUtcNow();
        var reports = ImmutableArray.CreateBuilder<ActivityReport>();
        foreach (var stripe in _stripes)
        {
            lock (stripe.Lock)
            {
                foreach (var key in stripe.Changed)
                {
                    ref var subject = ref CollectionsMarshal.GetValueRefOrNullRef(stripe.Counted, key.Hash);
                    if (!Unsafe.IsNullRef(ref subject) && subject.TakeReport(key) is { } report)
                    {
                        reports.Add(report);
                    }
                }

                stripe.Changed.Clear();
            }
        }

        if (now - _prunedAt >= PruneEvery)
        {
            _prunedAt = now;
            foreach (var stripe in _stripes)
            {
                lock (stripe.Lock)
                {
                    foreach (var key in stripe.Counted.Keys)
                    {
                        if (CollectionsMarshal.GetValueRefOrNullRef(stripe.Counted, key).Prune(now, Memory))
                        {
                            stripe.Counted.Remove(key);
                        }
                    }
                }
            }
        }

        return reports.ToImmutable();
    }

    /// <summary>The accounts this node saw claim from a fingerprint or range (up to <see cref="SubjectActivity.MaxDistinct"/>), within its memory.</summary>
    public ImmutableArray<string> AccountsOf(SubjectKind kind, string value)
    {
        var key = SubjectKey.Of(kind, value);
        var stripe = StripeOf(key);
        lock (stripe.Lock)
        {
            if (stripe.Counted.TryGetValue(key.Hash, out var subject))
            {
                return subject.Accounts;
            }

            return stripe.Sightings.TryGet(key.Hash, out var sighting) && sighting.ShopperToLink is { } shopper ? [shopper] : [];
        }
    }

    public void Learn(IEnumerable<ActivityCounts> counts)
    {
        foreach (var count in counts)
        {
            var key = SubjectKey.Of(count.Kind, count.Value);
            var stripe = StripeOf(key);
            lock (stripe.Lock)
            {
                ref var subject = ref CollectionsMarshal.GetValueRefOrNullRef(stripe.Counted, key.Hash);
                if (!Unsafe.IsNullRef(ref subject))
                {
                    subject.Cluster = new ClusterCounts(count.Accounts, count.Devices, count.ClaimsPerMinute, count.Score, count.FirstSeen);
                }
            }
        }
    }

    private static (SubjectKey Shopper, SubjectKey Device, SubjectKey Fingerprint, SubjectKey Prefix) SubjectsOf(
        string shopperId, string deviceId, RequestFingerprint request) =>
        (SubjectKey.Of(SubjectKind.Shopper, shopperId), SubjectKey.Of(SubjectKind.Device, deviceId),
            SubjectKey.Of(SubjectKind.Fingerprint, request.Fingerprint), SubjectKey.Of(SubjectKind.Prefix, request.Prefix));

    private static ClaimSignals Read(ClaimSignals signals, Reading shopper, Reading device, Reading fingerprint, Reading prefix, DateTimeOffset now)
    {
        signals[RiskSignals.ShopperClaimsPerMinute] = shopper.ClaimsPerMinute;
        signals[RiskSignals.ShopperDevices] = shopper.Devices;
        signals[RiskSignals.ShopperAgeSeconds] = shopper.FirstSeen is { } firstSeen ? (now - firstSeen).TotalSeconds : 0;
        signals[RiskSignals.ShopperScore] = shopper.Score;
        signals[RiskSignals.DeviceAccounts] = device.Accounts;
        signals[RiskSignals.DeviceClaimsPerMinute] = device.ClaimsPerMinute;
        signals[RiskSignals.FingerprintAccounts] = fingerprint.Accounts;
        signals[RiskSignals.FingerprintDevices] = fingerprint.Devices;
        signals[RiskSignals.FingerprintClaimsPerMinute] = fingerprint.ClaimsPerMinute;
        signals[RiskSignals.FingerprintScore] = fingerprint.Score;
        signals[RiskSignals.PrefixAccounts] = prefix.Accounts;
        signals[RiskSignals.PrefixClaimsPerMinute] = prefix.ClaimsPerMinute;
        signals[RiskSignals.MissingBrowserHeaders] = signals.Request.MissingBrowserHeaders;
        return signals;
    }

    /// <summary>Counts a claim for one subject: a first sighting, or (seen before) in full; its reading after the claim.</summary>
    private Reading Count(SubjectKey key, Sighting claim)
    {
        var stripe = StripeOf(key);
        lock (stripe.Lock)
        {
            ref var subject = ref CollectionsMarshal.GetValueRefOrNullRef(stripe.Counted, key.Hash);
            if (Unsafe.IsNullRef(ref subject))
            {
                if (stripe.Sightings.TryAdd(key.Hash, claim))
                {
                    return Reading.Of(claim, claim.At);
                }

                subject = ref CountedSubject(stripe, key);
            }

            Changed(stripe, key, subject.Claim(key, claim, out var reading));
            return reading;
        }
    }

    /// <summary>
    /// The subject counted in full, in its stripe's table (whose lock the caller holds): made so from its first
    /// sighting (replayed into it) if it has one, else new.
    /// </summary>
    private ref Subject CountedSubject(Stripe stripe, SubjectKey key)
    {
        ref var subject = ref CollectionsMarshal.GetValueRefOrAddDefault(stripe.Counted, key.Hash, out var exists);
        if (!exists)
        {
            var seen = stripe.Sightings.Remove(key.Hash, out var first);
            subject = new Subject(seen ? first.At : clock.GetUtcNow());
            if (seen)
            {
                Changed(stripe, key, subject.Claim(key, first, out _));
            }
        }

        return ref subject;
    }

    /// <summary>The hash of the shopper's last claim's key counted on this node; null when none is remembered.</summary>
    private int? LastClaimOf(SubjectKey shopper)
    {
        var stripe = StripeOf(shopper);
        lock (stripe.Lock)
        {
            if (stripe.Counted.TryGetValue(shopper.Hash, out var subject))
            {
                return subject.LastClaimKey;
            }

            return stripe.Sightings.TryGet(shopper.Hash, out var sighting) ? sighting.ClaimKey : null;
        }
    }

    private Reading Known(SubjectKey key, DateTimeOffset now)
    {
        var stripe = StripeOf(key);
        lock (stripe.Lock)
        {
            if (stripe.Counted.TryGetValue(key.Hash, out var subject))
            {
                return subject.Read(now);
            }

            return stripe.Sightings.TryGet(key.Hash, out var sighting) ? Reading.Of(sighting, now) : default;
        }
    }

    /// <summary>
    /// Lists the subject for the next report when this is its first change since the last (the caller holds the
    /// stripe's lock). The list holds the subject's id, a request's string, until the report: a second at most.
    /// </summary>
    private static void Changed(Stripe stripe, SubjectKey key, bool firstChangeSinceReport)
    {
        if (firstChangeSinceReport)
        {
            stripe.Changed.Add(key);
        }
    }

    // The hash's top bits: a stripe's table takes its buckets from the low ones, which would then be alike within it.
    private Stripe StripeOf(SubjectKey key) => _stripes[(int)((ulong)key.Hash >> 60)];

    /// <summary>A share of the subjects, by hash, under one lock: those seen once, those counted in full, and which of those changed since the last report.</summary>
    private sealed class Stripe
    {
        public Lock Lock { get; } = new();

        public FirstSightings Sightings { get; } = new(SightingsCapacity / StripeCount, Memory / 2);

        public Dictionary<long, Subject> Counted { get; } = [];

        /// <summary>A list kept from report to report, emptied, not made anew: a queue's segments were made and dropped as it filled.</summary>
        public List<SubjectKey> Changed { get; } = [];
    }

    /// <summary>A subject named by a request, and its key in the tables.</summary>
    [StructLayout(LayoutKind.Auto)]
    private readonly record struct SubjectKey(SubjectKind Kind, string Value, long Hash)
    {
        /// <summary>A fingerprint's or range's accounts are links: the cluster stores them, escalation blocks them.</summary>
        public bool IsLinked => Kind is SubjectKind.Fingerprint or SubjectKind.Prefix;

        public static SubjectKey Of(SubjectKind kind, string value) => new(kind, value, IdHash.Of(kind, value));
    }

    /// <summary>One subject's counts as a claim's signals use them; all zero (and no first sighting) for one never seen.</summary>
    [StructLayout(LayoutKind.Auto)]
    private readonly record struct Reading(int Accounts, int Devices, DateTimeOffset? FirstSeen, int ClaimsPerMinute, int Score)
    {
        public static Reading Of(Sighting sighting, DateTimeOffset now) => new(sighting.Shopper is null ? 0 : 1,
            sighting.Device is null ? 0 : 1, sighting.At, now - sighting.At < TimeSpan.FromMinutes(1) ? 1 : 0, 0);
    }

    /// <summary>A subject's counts across the cluster, as its shard last answered.</summary>
    [StructLayout(LayoutKind.Auto)]
    private readonly record struct ClusterCounts(int Accounts, int Devices, int ClaimsPerMinute, int Score, DateTimeOffset FirstSeen);
}
