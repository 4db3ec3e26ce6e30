using FlashSale.GrainInterfaces.Campaigns;
using FlashSale.GrainInterfaces.Claims;
using FlashSale.GrainInterfaces.Gates;
using FlashSale.Grains.Ledger;

namespace FlashSale.Grains.Campaigns;

/// <summary>
/// A unit campaign's stock counters and the shoppers it has met, and the decision on each claim:
/// synchronous, with the time passed in, so that every rule is tested without a cluster or a clock
/// (ClaimAdmissionTests). It writes nothing: what it admits is reserved and written by the
/// <see cref="ClaimCommitter"/>, which tells it how each claim ended (<see cref="Committed"/>,
/// <see cref="Withdraw"/>). Its memory does not grow with the ledger: it holds a bounded number of
/// shoppers (<see cref="KnownShoppers"/>) and a few bytes per holder (<see cref="CampaignHolders"/>),
/// and asks for a shopper it may not know to be read from the ledger first (<see cref="Admission.Unknown"/>).
/// </summary>
/// <param name="dayOf">The calendar day the daily limits count a claim made at this instant in.</param>
/// <param name="shopperCapacity">Shoppers held in memory at most (see <see cref="ShopperCapacity"/>).</param>
internal sealed class ClaimAdmission(Func<DateTimeOffset, DateOnly> dayOf, int shopperCapacity = ClaimAdmission.ShopperCapacity)
{
    /// <summary>
    /// Shoppers a campaign activation holds at most: about 55 MiB of claims (some 550 bytes a shopper
    /// with one coupon), enough that replays, which come within seconds of their claim, find their
    /// shopper still held; a shopper let go costs one indexed ledger read, shared with the others read
    /// then. At 50,000 a hot campaign's replays read back four times as many and cost E1 about 10% of
    /// its rate; at 200,000 it was no faster than here (BENCHMARKS.md, "A campaign's memory").
    /// </summary>
    public const int ShopperCapacity = 100_000;

    private readonly KnownShoppers _known = new(shopperCapacity);
    private readonly OutstandingGates _outstanding = new();
    private CampaignHolders _holders = new(0, complete: true);
    private CampaignGate? _gate;

    public int TotalStock { get; private set; }

    /// <summary>Coupons in the ledger.</summary>
    public int Committed { get; private set; }

    /// <summary>Claims admitted and not yet committed or withdrawn: they hold their stock unit.</summary>
    public int InFlight { get; private set; }

    public int Remaining => TotalStock - Committed;
    public bool SoldOut => Committed >= TotalStock;
    public bool Paused { get; set; }
    public bool Draft { get; set; }

    /// <summary>Shoppers with a committed claim, the results' count; null until the holders have been read after activation.</summary>
    public int? Claimants => _claimantsBeforeLoad + _claimantsSinceLoad;

    // The ledger's issued count when this activation loaded it: the first holders read counts claimants up to this coupon.
    private int _issuedAtLoad;

    /// <summary>Shoppers held in memory now.</summary>
    public int KnownShoppers => _known.Count;

    /// <summary>The ledger's holders should be read: after activation, or into a larger filter (see <see cref="BeginHoldersRead"/>).</summary>
    public bool HoldersWanted => !_holders.Reading && (!_holders.Complete || _holders.Crowded);

    private int? _claimantsBeforeLoad = 0;
    private int _claimantsSinceLoad;

    /// <summary>When the stock last ran out, while it is out.</summary>
    public DateTimeOffset? SoldOutAt => SoldOut ? _soldOutAt : null;

    private DateTimeOffset? _soldOutAt;
    private int Available => TotalStock - Committed - InFlight;

    /// <summary>The counters as the ledger holds them, on activation.</summary>
    public void Load(LedgerSnapshot snapshot)
    {
        TotalStock = snapshot.TotalStock;
        Committed = _issuedAtLoad = snapshot.Issued;
        Paused = snapshot.Paused;
        Draft = snapshot.Draft;
        _soldOutAt = SoldOut ? snapshot.LastIssuedAt : null;
        // Nothing in the ledger yet: every shopper is known to hold nothing, with no read.
        var untouched = snapshot.Issued == 0 && snapshot.Receipts == 0;
        _holders = new CampaignHolders(snapshot.Issued + snapshot.Receipts, complete: untouched);
        _claimantsBeforeLoad = untouched ? 0 : null;
    }

    /// <summary>Takes in shoppers read from the ledger (those asked for, with or without rows), except any met meanwhile.</summary>
    public void Known(CampaignDefinition definition, IReadOnlyCollection<string> shopperIds, LedgerShoppers read)
    {
        var fresh = new HashSet<string>(shopperIds.Where(id => _known.Find(id) is null), StringComparer.Ordinal);
        foreach (var shopperId in fresh)
        {
            _known.GetOrAdd(shopperId).Received = read.Received.GetValueOrDefault(shopperId);
        }

        foreach (var row in read.Coupons.Where(row => fresh.Contains(row.ShopperId)))
        {
            var coupon = new IssuedCoupon(row.CouponId, row.Code, definition.Id, definition.Terms, row.IssuedAt, row.ExpiresAt);
            var claims = _known[row.ShopperId];
            claims.Add(AdmittedClaim.Committed(row.ShopperId, row.IdempotencyKey, coupon));
            claims.Committed++;
        }
    }

    /// <summary>True when the shopper may hold something in the ledger that memory does not show: read them first.</summary>
    public bool MustRead(string shopperId) => _known.Find(shopperId) is null && _holders.MayHold(shopperId);

    /// <summary>A new campaign's stock, or an edited one's before it opened (nothing issued yet).</summary>
    public void Stock(int totalStock) => TotalStock = totalStock;

    /// <summary>
    /// The decision on one claim. An admitted claim holds a unit of stock and its place in the
    /// shopper's count until the committer reports it committed or withdrawn.
    /// </summary>
    public Admission Admit(CampaignDefinition definition, ClaimRequest request, DateTimeOffset now)
    {
        var claims = _known.Find(request.ShopperId);
        if (claims is null && _holders.MayHold(request.ShopperId))
        {
            return new Admission.Unknown();
        }

        // A replay gets the original outcome whatever has happened to the campaign since.
        if (claims?.Find(request.IdempotencyKey) is { } earlier)
        {
            return new Admission.Replay(earlier);
        }

        if (now < definition.OpensFor(request.Tier))
        {
            return new Admission.Refused(ClaimOutcome.NotStarted, ByPhase: true);
        }

        if (now >= definition.EndsAt)
        {
            return new Admission.Refused(ClaimOutcome.Ended, ByPhase: true);
        }

        if (Paused)
        {
            return new Admission.Refused(ClaimOutcome.Paused, ByPhase: true);
        }

        // The limit before the stock: a shopper's count never drops while the stock is gone, so a
        // refused key that is replayed hears the same refusal.
        if ((claims?.Count ?? 0) >= definition.PerUserLimit)
        {
            return new Admission.Refused(ClaimOutcome.LimitReached, ByPhase: false);
        }

        if (Available <= 0)
        {
            return new Admission.Refused(ClaimOutcome.SoldOut, ByPhase: true);
        }

        if (_outstanding.RefusingUntil(request.ShopperId, request.Tier, now) is { } refusingUntil)
        {
            return new Admission.Held(refusingUntil);
        }

        var coupon = new IssuedCoupon(
            Guid.CreateVersion7(now), CouponCodes.New(), definition.Id, definition.Terms, now, definition.Validity.ExpiryFor(now));
        var claim = new AdmittedClaim(request.ShopperId, request.DeviceId, request.IdempotencyKey, coupon) { Day = dayOf(now) };
        (claims ?? _known.GetOrAdd(request.ShopperId)).Add(claim);
        _holders.Add(request.ShopperId);
        InFlight++;
        // The holders changed: the next gate lists this shopper.
        _gate = null;
        return new Admission.Admitted(claim);
    }

    /// <summary>Takes an admitted claim back out: its stock unit and its place in the shopper's count.</summary>
    public void Withdraw(AdmittedClaim claim)
    {
        _known[claim.ShopperId].Remove(claim);
        InFlight--;
    }

    /// <summary>Counts a committed batch; true when it took the last of the stock.</summary>
    public bool Commit(IReadOnlyList<AdmittedClaim> batch)
    {
        Committed += batch.Count;
        InFlight -= batch.Count;
        foreach (var claim in batch)
        {
            if (_known[claim.ShopperId].Committed++ == 0)
            {
                _claimantsSinceLoad++;
            }
        }

        if (!SoldOut)
        {
            return false;
        }

        _soldOutAt = batch[^1].Coupon.IssuedAt;
        return true;
    }

    /// <summary>Raises the stock; false when the new stock is not above the current one.</summary>
    public bool Restock(int stock)
    {
        if (stock <= TotalStock)
        {
            return false;
        }

        TotalStock = stock;
        _soldOutAt = null;
        // Gates that said sold out let claims through again.
        _gate = null;
        return true;
    }

    /// <summary>The coupon rows of a batch about to be written: each claim in the next free slot of its shopper.</summary>
    public List<NewCoupon> RowsOf(IReadOnlyList<AdmittedClaim> batch)
    {
        var rows = new List<NewCoupon>(batch.Count);
        Dictionary<string, int>? earlierInBatch = null;
        foreach (var claim in batch)
        {
            var committed = _known[claim.ShopperId].Committed;
            var before = earlierInBatch?.GetValueOrDefault(claim.ShopperId) ?? 0;
            (earlierInBatch ??= new(StringComparer.Ordinal))[claim.ShopperId] = before + 1;
            var coupon = claim.Coupon;
            rows.Add(new NewCoupon(coupon.CouponId, claim.ShopperId, committed + before + 1, claim.DeviceId, claim.IdempotencyKey,
                coupon.Code!, coupon.IssuedAt, coupon.ExpiresAt, claim.Slots!));
        }

        return rows;
    }

    /// <summary>The shopper's claims, held from now on (empty for a shopper known to hold nothing here).</summary>
    public ShopperClaims ClaimsOf(string shopperId) => _known.GetOrAdd(shopperId);

    /// <summary>The shopper's claims, if held in memory.</summary>
    public ShopperClaims? Find(string shopperId) => _known.Find(shopperId);

    /// <summary>A coupon of this campaign counts against the shopper's limit from now on.</summary>
    public void Received(string shopperId)
    {
        _known.GetOrAdd(shopperId).Received++;
        _holders.Add(shopperId);
    }

    /// <summary>
    /// Starts a read of the ledger's holders: the words to fill and the last coupon to read claimants
    /// up to. The shoppers whose claims or receipts are not in the ledger yet go in now.
    /// </summary>
    public (ulong[] Words, int UpToSeq) BeginHoldersRead()
    {
        var words = _holders.BeginRead();
        foreach (var shopperId in _known.Busy)
        {
            _holders.Add(shopperId);
        }

        return (words, _claimantsBeforeLoad is null ? _issuedAtLoad : int.MaxValue);
    }

    /// <summary>The holders have been read into the words (<paramref name="holders"/> of them, <paramref name="claimants"/> up to <paramref name="upToSeq"/>).</summary>
    public void EndHoldersRead(long holders, int upToSeq, int claimants)
    {
        _holders.EndRead(holders);
        if (_claimantsBeforeLoad is null && upToSeq == _issuedAtLoad)
        {
            _claimantsBeforeLoad = claimants;
        }

        // Refusing gates list holders from now on.
        _gate = null;
    }

    public void AbandonHoldersRead() => _holders.AbandonRead();

    /// <summary>Forgets the gate, so that the next one is built from the counters as they are now.</summary>
    public void ChangedGate() => _gate = null;

    /// <summary>
    /// The gate as of now, remembered as handed out (see <see cref="OutstandingGates"/>); rebuilt only
    /// after an admission changed the holders, or the stock, the pause or the end changed what it says.
    /// </summary>
    public CampaignGate HandOutGate(CampaignDefinition definition, DateTimeOffset now)
    {
        var endedSinceBuilt = _gate is not null && _gate.BuiltAt < definition.EndsAt && now >= definition.EndsAt;
        if (_gate is null || _gate.SoldOut != SoldOut || _gate.Paused != Paused || endedSinceBuilt)
        {
            // Holders, so that API nodes forward their replays to the grain; only a gate that refuses
            // needs them, and only a complete filter may say who is not one.
            var refuses = SoldOut || Paused || now >= definition.EndsAt;
            _gate = new CampaignGate(definition.Id, now.UtcTicks, definition.StartsAt, definition.EndsAt,
                SoldOut, refuses ? _holders.Filter() : null, Paused, definition.EarlyAccess);
        }

        _outstanding.HandedOut(_gate, now);
        return _gate;
    }

    public CampaignPhase PhaseAt(CampaignDefinition definition, DateTimeOffset now) =>
        Draft ? CampaignPhase.Draft
        : now < definition.StartsAt ? CampaignPhase.Scheduled
        : now >= definition.EndsAt ? CampaignPhase.Ended
        : Paused ? CampaignPhase.Paused
        : SoldOut ? CampaignPhase.SoldOut
        : CampaignPhase.Open;
}

/// <summary>What <see cref="ClaimAdmission.Admit"/> decided about one claim.</summary>
internal abstract record Admission
{
    /// <summary>Holds a unit of stock: to be reserved with the limits and written.</summary>
    public sealed record Admitted(AdmittedClaim Claim) : Admission;

    /// <summary>The shopper may hold claims the ledger has and memory does not: to be read, then judged again.</summary>
    public sealed record Unknown : Admission;

    /// <summary>The key was seen before: the answer is the first claim's.</summary>
    public sealed record Replay(AdmittedClaim Earlier) : Admission;

    /// <summary>Refused; by the campaign's phase (not started, ended, paused, sold out) or by the shopper's own limit.</summary>
    public sealed record Refused(ClaimOutcome Outcome, bool ByPhase) : Admission;

    /// <summary>An API node may still refuse this claim's replays on a gate it holds: to be judged again at this time.</summary>
    public sealed record Held(DateTimeOffset Until) : Admission;
}
