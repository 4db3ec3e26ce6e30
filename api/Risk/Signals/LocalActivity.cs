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
/// Subjects counted in full are values in their stripe's table, under the stripe's lock, not objects of their
/// own: a node makes about a thousand a second at 4,000 claims/s and keeps each for ten minutes. As objects (an
/// entry, the subject, its lock) the young collections paused half as long again as with values
/// (BENCHMARKS.md, "Subjects counted in full, made small"). A cold subject costs no object but its id's string:
/// its counts and the ids new since its last report are part of its value, and the list of subjects to report
/// is emptied and kept, not made anew.
/// </para>
/// </summary>
public sealed class LocalActivity(TimeProvider clock)
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
        // A hash, not the key: a shopper's two claims colliding (one in four billion) under-counts one claim.
        var claimKey = StringComparer.Ordinal.GetHashCode(idempotencyKey);
        if (LastClaimOf(shopperId) == claimKey)
        {
            return Read(signals, Known((SubjectKind.Shopper, shopperId), now), Known((SubjectKind.Device, deviceId), now),
                Known((SubjectKind.Fingerprint, request.Fingerprint), now), Known((SubjectKind.Prefix, request.Prefix), now), now);
        }

        return Read(signals,
            Count((SubjectKind.Shopper, shopperId), new Sighting(now, null, deviceId, claimKey)),
            Count((SubjectKind.Device, deviceId), new Sighting(now, shopperId, null)),
            Count((SubjectKind.Fingerprint, request.Fingerprint), new Sighting(now, shopperId, deviceId)),
            Count((SubjectKind.Prefix, request.Prefix), new Sighting(now, shopperId, null)),
            now);
    }

    /// <summary>
    /// The signals of a request that is no claim (a use, a gift, a payment), counting nothing: what the
    /// subjects' claims say about them. Subjects never seen read as zero.
    /// </summary>
    public ClaimSignals Peek(string shopperId, string deviceId, RequestFingerprint request)
    {
        var now = clock.GetUtcNow();
        return Read(new ClaimSignals(Guid.Empty, null, shopperId, deviceId, request, now), Known((SubjectKind.Shopper, shopperId), now),
            Known((SubjectKind.Device, deviceId), now), Known((SubjectKind.Fingerprint, request.Fingerprint), now),
            Known((SubjectKind.Prefix, request.Prefix), now), now);
    }

    /// <summary>Adds what matched rules scored to the claim's subjects; returns each subject's score now.</summary>
    public IReadOnlyList<(SubjectKind Kind, string Value, int Score)> Score(ClaimSignals claim, int score)
    {
        var now = clock.GetUtcNow();
        (SubjectKind Kind, string Value)[] keys =
        [
            (SubjectKind.Shopper, claim.ShopperId), (SubjectKind.Device, claim.DeviceId),
            (SubjectKind.Fingerprint, claim.Request.Fingerprint), (SubjectKind.Prefix, claim.Request.Prefix),
        ];
        return [.. keys.Select(key =>
        {
            var stripe = StripeOf(key);
            lock (stripe.Lock)
            {
                ref var subject = ref CountedSubject(stripe, key);
                Changed(stripe, subject.Key, subject.AddScore(score, now));
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
                    ref var subject = ref CollectionsMarshal.GetValueRefOrNullRef(stripe.Counted, key);
                    if (!Unsafe.IsNullRef(ref subject) && subject.TakeReport() is { } report)
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

    /// <summary>The accounts this node saw claim as the subject (up to <see cref="SubjectActivity.MaxDistinct"/>), within its memory.</summary>
    public ImmutableArray<string> AccountsOf(SubjectKind kind, string value)
    {
        var stripe = StripeOf((kind, value));
        lock (stripe.Lock)
        {
            if (stripe.Counted.TryGetValue((kind, value), out var subject))
            {
                return subject.ShopperIds;
            }

            return stripe.Sightings.TryGet((kind, value), out var sighting) && sighting.ShopperId is { } shopper ? [shopper] : [];
        }
    }

    public void Learn(IEnumerable<ActivityCounts> counts)
    {
        foreach (var count in counts)
        {
            var stripe = StripeOf((count.Kind, count.Value));
            lock (stripe.Lock)
            {
                ref var subject = ref CollectionsMarshal.GetValueRefOrNullRef(stripe.Counted, (count.Kind, count.Value));
                if (!Unsafe.IsNullRef(ref subject))
                {
                    subject.Cluster = new ClusterCounts(count.Accounts, count.Devices, count.ClaimsPerMinute, count.Score, count.FirstSeen);
                }
            }
        }
    }

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
    private Reading Count((SubjectKind Kind, string Value) key, Sighting claim)
    {
        var stripe = StripeOf(key);
        lock (stripe.Lock)
        {
            ref var subject = ref CollectionsMarshal.GetValueRefOrNullRef(stripe.Counted, key);
            if (Unsafe.IsNullRef(ref subject))
            {
                if (stripe.Sightings.TryAdd(key, claim))
                {
                    return Reading.Of(claim, claim.At);
                }

                subject = ref CountedSubject(stripe, key);
            }

            Changed(stripe, subject.Key, subject.Claim(claim, out var reading));
            return reading;
        }
    }

    /// <summary>
    /// The subject counted in full, in its stripe's table (whose lock the caller holds): made so from its first
    /// sighting (replayed into it) if it has one, else new.
    /// </summary>
    private ref Subject CountedSubject(Stripe stripe, (SubjectKind Kind, string Value) key)
    {
        ref var subject = ref CollectionsMarshal.GetValueRefOrAddDefault(stripe.Counted, key, out var exists);
        if (!exists)
        {
            var seen = stripe.Sightings.Remove(key, out var first);
            subject = new Subject(key, seen ? first.At : clock.GetUtcNow());
            if (seen)
            {
                Changed(stripe, subject.Key, subject.Claim(first, out _));
            }
        }

        return ref subject;
    }

    /// <summary>The hash of the shopper's last claim's key counted on this node; null when none is remembered.</summary>
    private int? LastClaimOf(string shopperId)
    {
        var key = (SubjectKind.Shopper, shopperId);
        var stripe = StripeOf(key);
        lock (stripe.Lock)
        {
            if (stripe.Counted.TryGetValue(key, out var subject))
            {
                return subject.LastClaimKey;
            }

            return stripe.Sightings.TryGet(key, out var sighting) ? sighting.ClaimKey : null;
        }
    }

    private Reading Known((SubjectKind Kind, string Value) key, DateTimeOffset now)
    {
        var stripe = StripeOf(key);
        lock (stripe.Lock)
        {
            if (stripe.Counted.TryGetValue(key, out var subject))
            {
                return subject.Read(now);
            }

            return stripe.Sightings.TryGet(key, out var sighting) ? Reading.Of(sighting, now) : default;
        }
    }

    /// <summary>
    /// Lists the subject for the next report when this is its first change since the last (the caller holds the
    /// stripe's lock). Pass the subject's own <see cref="Subject.Key"/>, not the request's equal copy, which the
    /// list would keep alive past a collection.
    /// </summary>
    private static void Changed(Stripe stripe, (SubjectKind Kind, string Value) key, bool firstChangeSinceReport)
    {
        if (firstChangeSinceReport)
        {
            stripe.Changed.Add(key);
        }
    }

    private Stripe StripeOf((SubjectKind Kind, string Value) key) => _stripes[(uint)key.GetHashCode() % StripeCount];

    /// <summary>A share of the subjects, by hash, under one lock: those seen once, those counted in full, and which of those changed since the last report.</summary>
    private sealed class Stripe
    {
        public Lock Lock { get; } = new();

        public FirstSightings Sightings { get; } = new(SightingsCapacity / StripeCount, Memory / 2);

        public Dictionary<(SubjectKind Kind, string Value), Subject> Counted { get; } = [];

        /// <summary>A list kept from report to report, emptied, not made anew: a queue's segments were made and dropped as it filled.</summary>
        public List<(SubjectKind Kind, string Value)> Changed { get; } = [];
    }

    /// <summary>One subject's counts as a claim's signals use them; all zero (and no first sighting) for one never seen.</summary>
    [StructLayout(LayoutKind.Auto)]
    private readonly record struct Reading(int Accounts, int Devices, DateTimeOffset? FirstSeen, int ClaimsPerMinute, int Score)
    {
        public static Reading Of(Sighting sighting, DateTimeOffset now) => new(sighting.ShopperId is null ? 0 : 1,
            sighting.DeviceId is null ? 0 : 1, sighting.At, now - sighting.At < TimeSpan.FromMinutes(1) ? 1 : 0, 0);
    }

    /// <summary>A subject's counts across the cluster, as its shard last answered.</summary>
    [StructLayout(LayoutKind.Auto)]
    private readonly record struct ClusterCounts(int Accounts, int Devices, int ClaimsPerMinute, int Score, DateTimeOffset FirstSeen);

    /// <summary>
    /// One subject counted in full on this node: its own counts, the cluster's, and what is not yet reported.
    /// A value in its stripe's table, changed in place under the stripe's lock; it holds no object of its own
    /// but its id and the ids it was seen with.
    /// </summary>
    [StructLayout(LayoutKind.Auto)]
    private struct Subject((SubjectKind Kind, string Value) key, DateTimeOffset firstSeen)
    {
        private SubjectActivity _local = new(firstSeen);
        private NewIds _newShoppers;
        private NewIds _newDevices;
        private int _claims;
        private int _score;
        private DateTimeOffset _firstUnreported;
        private bool _queued;

        /// <summary>The subject's id as first counted: what the report queue holds, so that it keeps no request's copy.</summary>
        public readonly (SubjectKind Kind, string Value) Key { get; } = key;

        public ClusterCounts? Cluster { get; set; }

        /// <summary>The last claim's key hash (a shopper's subject); null before its first claim.</summary>
        public int? LastClaimKey { get; private set; }

        public readonly ImmutableArray<string> ShopperIds => _local.ShopperIds;

        /// <summary>True when this is the first change since the last report: the subject must be queued for the next one.</summary>
        /// <param name="reading">The counts with the claim: a farm's fingerprint is taken by every claim it sends.</param>
        public bool Claim(Sighting claim, out Reading reading)
        {
            var first = MarkChanged(claim.At);
            LastClaimKey = claim.ClaimKey;
            _claims++;
            _local.Claimed(1, claim.At);
            if (claim.ShopperId is { } shopperId && _local.SawShopper(shopperId, claim.At))
            {
                _newShoppers.Add(shopperId);
            }

            if (claim.DeviceId is { } deviceId && _local.SawDevice(deviceId, claim.At))
            {
                _newDevices.Add(deviceId);
            }

            reading = Read(claim.At);
            return first;
        }

        /// <inheritdoc cref="Claim"/>
        public bool AddScore(int score, DateTimeOffset now)
        {
            var first = MarkChanged(now);
            _score += score;
            _local.Scored(score, now);
            return first;
        }

        public readonly Reading Read(DateTimeOffset now)
        {
            var seen = Cluster is { } c && c.FirstSeen < _local.FirstSeen ? c.FirstSeen : _local.FirstSeen;
            return new Reading(Math.Max(_local.Accounts, Cluster?.Accounts ?? 0), Math.Max(_local.Devices, Cluster?.Devices ?? 0), seen,
                Math.Max(_local.ClaimsPerMinute(now), (Cluster?.ClaimsPerMinute ?? 0) + _claims),
                Math.Max(_local.Score(now), (Cluster?.Score ?? 0) + _score));
        }

        public ActivityReport? TakeReport()
        {
            _queued = false;
            if (_claims == 0 && _score == 0 && _newShoppers.IsEmpty && _newDevices.IsEmpty)
            {
                return null;
            }

            var report = new ActivityReport(Key.Kind, Key.Value, _newShoppers.Take(), _newDevices.Take(), _claims, _score, _firstUnreported);
            (_claims, _score) = (0, 0);
            return report;
        }

        /// <summary>Forgets the ids not seen within <paramref name="memory"/>; true when the subject itself is that quiet.</summary>
        public bool Prune(DateTimeOffset now, TimeSpan memory) => _local.Prune(now, memory);

        private bool MarkChanged(DateTimeOffset at)
        {
            if (_queued)
            {
                return false;
            }

            _queued = true;
            _firstUnreported = at;
            return true;
        }
    }

    /// <summary>
    /// The ids a subject was first seen with since its last report. Mostly none or one (a shopper's phone when the
    /// shopper is counted in full): that one is kept in place, and an array made only for more, then kept for the
    /// next (one object, not a list and its array: the heap at L80 held 34,000 such lists).
    /// </summary>
    [StructLayout(LayoutKind.Auto)]
    private struct NewIds
    {
        private string? _one;
        private string[]? _more;
        private int _moreCount;

        public readonly bool IsEmpty => _one is null;

        public void Add(string id)
        {
            if (_one is null)
            {
                _one = id;
                return;
            }

            _more ??= new string[2];
            if (_moreCount == _more.Length)
            {
                Array.Resize(ref _more, _more.Length * 2);
            }

            _more[_moreCount++] = id;
        }

        public ImmutableArray<string> Take()
        {
            if (_one is null)
            {
                return [];
            }

            var ids = _moreCount > 0 ? [_one, .. _more.AsSpan(0, _moreCount)] : ImmutableArray.Create(_one);
            _one = null;
            if (_more is not null)
            {
                // Emptied, not dropped; and holding no id past its report.
                Array.Clear(_more, 0, _moreCount);
                _moreCount = 0;
            }

            return ids;
        }
    }
}
