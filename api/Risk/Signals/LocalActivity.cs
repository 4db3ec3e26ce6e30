using System.Collections.Concurrent;
using System.Collections.Immutable;
using FlashSale.GrainInterfaces.Risk;

namespace FlashSale.Api.Risk.Signals;

/// <summary>
/// This node's view of who is claiming: what it saw itself (exact, at once) and the cluster's counts for
/// the same subjects (as of its last report, a second ago at most). A count is the larger of the two (each
/// node's part is in the cluster's, so adding them would count it twice); claims per minute are the
/// cluster's plus this node's since its last report. Subjects quiet for ten minutes are forgotten here; the
/// cluster's shards remember the day. A shopper or device id is reported only once it is worth counting
/// cluster-wide (a second claim, a second account or device, a score): a sale of a million one-claim shoppers
/// would otherwise fill the shards with two million subjects that no rule could ever act on.
/// </summary>
public sealed class LocalActivity(TimeProvider clock)
{
    private static readonly TimeSpan Memory = TimeSpan.FromMinutes(10);
    private readonly ConcurrentDictionary<(SubjectKind Kind, string Value), Subject> _subjects = new();

    /// <summary>Counts the claim, then reads its signals.</summary>
    public ClaimSignals Observe(Guid campaignId, Guid? groupId, string shopperId, string deviceId, RequestFingerprint request)
    {
        var now = clock.GetUtcNow();
        var signals = new ClaimSignals(campaignId, groupId, shopperId, deviceId, request, now);
        var shopper = SubjectOf(SubjectKind.Shopper, shopperId, now);
        var device = SubjectOf(SubjectKind.Device, deviceId, now);
        var fingerprint = SubjectOf(SubjectKind.Fingerprint, request.Fingerprint, now);
        var prefix = SubjectOf(SubjectKind.Prefix, request.Prefix, now);

        shopper.Claim(shopperId: null, deviceId, now);
        device.Claim(shopperId, deviceId: null, now);
        fingerprint.Claim(shopperId, deviceId, now);
        prefix.Claim(shopperId, deviceId: null, now);
        return Read(signals, shopper, device, fingerprint, prefix, now);
    }

    /// <summary>
    /// The signals of a request that is no claim (a use, a gift, a payment), counting nothing: what the
    /// subjects' claims say about them. Subjects never seen read as zero.
    /// </summary>
    public ClaimSignals Peek(string shopperId, string deviceId, RequestFingerprint request)
    {
        var now = clock.GetUtcNow();
        Subject? Known(SubjectKind kind, string value) => _subjects.GetValueOrDefault((kind, value));
        return Read(new ClaimSignals(Guid.Empty, null, shopperId, deviceId, request, now), Known(SubjectKind.Shopper, shopperId),
            Known(SubjectKind.Device, deviceId), Known(SubjectKind.Fingerprint, request.Fingerprint), Known(SubjectKind.Prefix, request.Prefix), now);
    }

    private static ClaimSignals Read(ClaimSignals signals, Subject? shopper, Subject? device, Subject? fingerprint, Subject? prefix, DateTimeOffset now)
    {
        signals[RiskSignals.ShopperClaimsPerMinute] = shopper?.ClaimsPerMinute(now) ?? 0;
        signals[RiskSignals.ShopperDevices] = shopper?.Devices ?? 0;
        signals[RiskSignals.ShopperAgeSeconds] = shopper is null ? 0 : (now - shopper.FirstSeen).TotalSeconds;
        signals[RiskSignals.ShopperScore] = shopper?.Score(now) ?? 0;
        signals[RiskSignals.DeviceAccounts] = device?.Accounts ?? 0;
        signals[RiskSignals.DeviceClaimsPerMinute] = device?.ClaimsPerMinute(now) ?? 0;
        signals[RiskSignals.FingerprintAccounts] = fingerprint?.Accounts ?? 0;
        signals[RiskSignals.FingerprintDevices] = fingerprint?.Devices ?? 0;
        signals[RiskSignals.FingerprintClaimsPerMinute] = fingerprint?.ClaimsPerMinute(now) ?? 0;
        signals[RiskSignals.FingerprintScore] = fingerprint?.Score(now) ?? 0;
        signals[RiskSignals.PrefixAccounts] = prefix?.Accounts ?? 0;
        signals[RiskSignals.PrefixClaimsPerMinute] = prefix?.ClaimsPerMinute(now) ?? 0;
        signals[RiskSignals.MissingBrowserHeaders] = signals.Request.MissingBrowserHeaders;
        return signals;
    }

    /// <summary>Adds what matched rules scored to the claim's subjects; returns each subject's score now.</summary>
    public IReadOnlyList<(SubjectKind Kind, string Value, int Score)> Score(ClaimSignals claim, int score)
    {
        var now = clock.GetUtcNow();
        return [.. SubjectsOf(claim).Select(s =>
        {
            var subject = SubjectOf(s.Kind, s.Value, now);
            subject.AddScore(score, now);
            return (s.Kind, s.Value, subject.Score(now));
        })];
    }

    /// <summary>What changed since the last call, one report per subject; forgets quiet subjects.</summary>
    public ImmutableArray<ActivityReport> TakeReports()
    {
        var now = clock.GetUtcNow();
        var reports = ImmutableArray.CreateBuilder<ActivityReport>();
        foreach (var (key, subject) in _subjects)
        {
            if (subject.TakeReport(key.Kind, key.Value, now, onlyIfNotable: key.Kind is SubjectKind.Shopper or SubjectKind.Device) is { } report)
            {
                reports.Add(report);
            }
            else if (subject.Quiet(now, Memory))
            {
                _subjects.TryRemove(key, out _);
            }
        }

        return reports.ToImmutable();
    }

    public void Learn(IEnumerable<ActivityCounts> counts)
    {
        foreach (var count in counts)
        {
            if (_subjects.TryGetValue((count.Kind, count.Value), out var subject))
            {
                subject.Learn(count);
            }
        }
    }

    private static IEnumerable<(SubjectKind Kind, string Value)> SubjectsOf(ClaimSignals claim) =>
    [
        (SubjectKind.Shopper, claim.ShopperId), (SubjectKind.Device, claim.DeviceId),
        (SubjectKind.Fingerprint, claim.Request.Fingerprint), (SubjectKind.Prefix, claim.Request.Prefix),
    ];

    private Subject SubjectOf(SubjectKind kind, string value, DateTimeOffset now) =>
        _subjects.GetOrAdd((kind, value), static (_, at) => new Subject(at), now);

    /// <summary>One subject on this node: its own counts, the cluster's, and what is not yet reported.</summary>
    private sealed class Subject(DateTimeOffset firstSeen)
    {
        private readonly Lock _lock = new();
        private readonly SubjectActivity _local = new(firstSeen);
        private ActivityCounts? _cluster;
        private List<string>? _newShoppers;
        private List<string>? _newDevices;
        private int _claims;
        private int _score;
        private DateTimeOffset _firstUnreported;

        public int Accounts { get { lock (_lock) { return Math.Max(_local.Accounts, _cluster?.Accounts ?? 0); } } }

        public int Devices { get { lock (_lock) { return Math.Max(_local.Devices, _cluster?.Devices ?? 0); } } }

        public DateTimeOffset FirstSeen { get { lock (_lock) { return _cluster is { } c && c.FirstSeen < _local.FirstSeen ? c.FirstSeen : _local.FirstSeen; } } }

        public void Claim(string? shopperId, string? deviceId, DateTimeOffset now)
        {
            lock (_lock)
            {
                if (_claims == 0 && _score == 0)
                {
                    _firstUnreported = now;
                }

                _claims++;
                _local.Claimed(1, now);
                if (shopperId is not null && _local.SawShopper(shopperId, now))
                {
                    (_newShoppers ??= []).Add(shopperId);
                }

                if (deviceId is not null && _local.SawDevice(deviceId, now))
                {
                    (_newDevices ??= []).Add(deviceId);
                }
            }
        }

        public void AddScore(int score, DateTimeOffset now)
        {
            lock (_lock)
            {
                _score += score;
                _local.Scored(score, now);
            }
        }

        public int ClaimsPerMinute(DateTimeOffset now)
        {
            lock (_lock)
            {
                return Math.Max(_local.ClaimsPerMinute(now), (_cluster?.ClaimsPerMinute ?? 0) + _claims);
            }
        }

        public int Score(DateTimeOffset now)
        {
            lock (_lock)
            {
                return Math.Max(_local.Score(now), (_cluster?.Score ?? 0) + _score);
            }
        }

        public ActivityReport? TakeReport(SubjectKind kind, string value, DateTimeOffset now, bool onlyIfNotable)
        {
            lock (_lock)
            {
                if (_claims == 0 && _score == 0 && _newShoppers is null && _newDevices is null)
                {
                    return null;
                }

                // Held back, not dropped: once notable, everything since the first claim goes in one report.
                if (onlyIfNotable && _local.ClaimsPerMinute(now) < 2 && _local.Accounts < 2 && _local.Devices < 2 && _local.Score(now) == 0)
                {
                    return null;
                }

                var report = new ActivityReport(kind, value, [.. _newShoppers ?? []], [.. _newDevices ?? []], _claims, _score, _firstUnreported);
                (_newShoppers, _newDevices, _claims, _score) = (null, null, 0, 0);
                return report;
            }
        }

        public void Learn(ActivityCounts counts)
        {
            lock (_lock)
            {
                _cluster = counts;
            }
        }

        public bool Quiet(DateTimeOffset now, TimeSpan memory)
        {
            lock (_lock)
            {
                return _local.Prune(now, memory);
            }
        }
    }
}
