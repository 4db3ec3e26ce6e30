using System.Collections.Immutable;
using System.Runtime.InteropServices;
using FlashSale.GrainInterfaces.Risk;

namespace FlashSale.Api.Risk.Signals;

public sealed partial class LocalActivity
{
    /// <summary>
    /// One subject counted in full on this node: its own counts, the cluster's, and what is not yet reported. A value
    /// in its stripe's table, changed in place under the stripe's lock. It counts ids by hash; the only strings it
    /// holds are a fingerprint's or range's accounts.
    /// </summary>
    [StructLayout(LayoutKind.Auto)]
    private struct Subject(DateTimeOffset firstSeen)
    {
        private SubjectActivity _local = new(firstSeen);
        // The ids (by hash) first seen since the last report: mostly none, one or two (a device's shopper from its first
        // sighting and the shopper of the claim that made it counted in full), which the list keeps in place.
        private InPlaceList<long> _newShoppers;
        private InPlaceList<long> _newDevices;
        private LinkedAccounts _accounts;
        private int _claims;
        private int _score;
        private DateTimeOffset _firstUnreported;
        private bool _queued;

        public ClusterCounts? Cluster { get; set; }

        /// <summary>The last claim's key hash (a shopper's subject); null before its first claim.</summary>
        public int? LastClaimKey { get; private set; }

        /// <summary>A fingerprint's or range's accounts as this node saw them; none for other subjects.</summary>
        public readonly ImmutableArray<string> Accounts => _accounts.All;

        /// <summary>True when this is the first change since the last report: the subject must be queued for the next one.</summary>
        /// <param name="reading">The counts with the claim: a farm's fingerprint is taken by every claim it sends.</param>
        public bool Claim(SubjectKey key, Sighting claim, out Reading reading)
        {
            var first = MarkChanged(claim.At);
            LastClaimKey = claim.ClaimKey;
            _claims++;
            _local.Claimed(1, claim.At);
            if (claim.Shopper is { } shopper && _local.SawShopper(shopper, claim.At))
            {
                if (key.IsLinked && claim.ShopperToLink is { } shopperId)
                {
                    _accounts.Add(shopperId);
                }
                else
                {
                    _newShoppers.Add(shopper);
                }
            }

            if (claim.Device is { } device && _local.SawDevice(device, claim.At))
            {
                _newDevices.Add(device);
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

        public ActivityReport? TakeReport(SubjectKey key)
        {
            _queued = false;
            if (_claims == 0 && _score == 0 && _newShoppers.Count == 0 && _newDevices.Count == 0 && !_accounts.HasNew)
            {
                return null;
            }

            var report = new ActivityReport(key.Kind, key.Value, _accounts.TakeNew(), [], _claims, _score, _firstUnreported,
                _newShoppers.Take(), _newDevices.Take());
            (_claims, _score) = (0, 0);
            return report;
        }

        /// <summary>Forgets the ids not seen within <paramref name="memory"/>; true when the subject itself is that quiet.</summary>
        public bool Prune(DateTimeOffset now, TimeSpan memory)
        {
            var quiet = _local.Prune(now, memory);
            _accounts.KeepCounted(in _local);
            return quiet;
        }

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
    /// A fingerprint's or range's distinct accounts by id, in the order first seen: the ones after
    /// <c>_reported</c> are not yet reported. The same accounts its counts hold by hash, pruned with them.
    /// </summary>
    [StructLayout(LayoutKind.Auto)]
    private struct LinkedAccounts
    {
        private InPlaceList<string> _ids;
        private int _reported;

        public readonly ImmutableArray<string> All => [.. _ids.Items];

        public readonly bool HasNew => _reported < _ids.Count;

        public void Add(string id) => _ids.Add(id);

        public ImmutableArray<string> TakeNew()
        {
            ImmutableArray<string> ids = [.. _ids.Items[_reported..]];
            _reported = _ids.Count;
            return ids;
        }

        /// <summary>Drops the accounts the subject's counts have forgotten, keeping which are reported.</summary>
        public void KeepCounted(in SubjectActivity counts)
        {
            var ids = _ids.Writable;
            var (kept, keptReported) = (0, 0);
            for (var i = 0; i < ids.Length; i++)
            {
                if (counts.Counts(IdHash.Of(ids[i])))
                {
                    keptReported += i < _reported ? 1 : 0;
                    ids[kept++] = ids[i];
                }
            }

            _ids.Truncate(kept);
            _reported = keptReported;
        }
    }
}
