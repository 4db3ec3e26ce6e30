using FlashSale.GrainInterfaces.Campaigns;
using FlashSale.GrainInterfaces.Claims;
using FlashSale.GrainInterfaces.Gates;
using FlashSale.Grains.Ledger;

namespace FlashSale.Grains.Campaigns;

/// <summary>
/// A unit campaign's stock and shoppers in memory, and the decision on each claim: synchronous, with
/// the time passed in, so that every rule is tested without a cluster or a clock (ClaimAdmissionTests).
/// It writes nothing: what it admits is reserved and written by the <see cref="ClaimCommitter"/>,
/// which tells it how each claim ended (<see cref="Committed"/>, <see cref="Withdraw"/>).
/// </summary>
/// <param name="dayOf">The calendar day the daily limits count a claim made at this instant in.</param>
internal sealed class ClaimAdmission(Func<DateTimeOffset, DateOnly> dayOf)
{
    private readonly Dictionary<string, ShopperClaims> _shoppers = new(StringComparer.Ordinal);
    private readonly OutstandingGates _outstanding = new();
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

    /// <summary>Shoppers with a committed claim: the results' count.</summary>
    public int Claimants { get; private set; }

    /// <summary>When the stock last ran out, while it is out.</summary>
    public DateTimeOffset? SoldOutAt => SoldOut ? _soldOutAt : null;

    private DateTimeOffset? _soldOutAt;
    private int Available => TotalStock - Committed - InFlight;

    /// <summary>The counters as the ledger holds them, on activation.</summary>
    public void Load(LedgerSnapshot snapshot, CampaignDefinition definition)
    {
        TotalStock = snapshot.TotalStock;
        Committed = snapshot.Issued;
        Paused = snapshot.Paused;
        Draft = snapshot.Draft;
        foreach (var row in snapshot.Coupons)
        {
            var coupon = new IssuedCoupon(row.CouponId, row.Code, definition.Id, definition.Terms, row.IssuedAt, row.ExpiresAt);
            var claims = ClaimsOf(row.ShopperId);
            claims.Add(AdmittedClaim.Committed(row.ShopperId, row.IdempotencyKey, coupon));
            claims.Committed++;
        }

        foreach (var (shopperId, received) in snapshot.Received)
        {
            ClaimsOf(shopperId).Received = received;
        }

        Claimants = _shoppers.Values.Count(s => s.Committed > 0);
        _soldOutAt = SoldOut && snapshot.Coupons.Count > 0 ? snapshot.Coupons[^1].IssuedAt : null;
    }

    /// <summary>A new campaign's stock, or an edited one's before it opened (nothing issued yet).</summary>
    public void Stock(int totalStock) => TotalStock = totalStock;

    /// <summary>
    /// The decision on one claim. An admitted claim holds a unit of stock and its place in the
    /// shopper's count until the committer reports it committed or withdrawn.
    /// </summary>
    public Admission Admit(CampaignDefinition definition, ClaimRequest request, DateTimeOffset now)
    {
        // A replay gets the original outcome whatever has happened to the campaign since.
        var claims = ClaimsOf(request.ShopperId);
        if (claims.Find(request.IdempotencyKey) is { } earlier)
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
        if (claims.Count >= definition.PerUserLimit)
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
        claims.Add(claim);
        InFlight++;
        // The holders changed: the next gate lists this shopper.
        _gate = null;
        return new Admission.Admitted(claim);
    }

    /// <summary>Takes an admitted claim back out: its stock unit and its place in the shopper's count.</summary>
    public void Withdraw(AdmittedClaim claim)
    {
        _shoppers[claim.ShopperId].Remove(claim);
        InFlight--;
    }

    /// <summary>Counts a committed batch; true when it took the last of the stock.</summary>
    public bool Commit(IReadOnlyList<AdmittedClaim> batch)
    {
        Committed += batch.Count;
        InFlight -= batch.Count;
        foreach (var claim in batch)
        {
            if (_shoppers[claim.ShopperId].Committed++ == 0)
            {
                Claimants++;
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
            var committed = _shoppers[claim.ShopperId].Committed;
            var before = earlierInBatch?.GetValueOrDefault(claim.ShopperId) ?? 0;
            (earlierInBatch ??= new(StringComparer.Ordinal))[claim.ShopperId] = before + 1;
            var coupon = claim.Coupon;
            rows.Add(new NewCoupon(coupon.CouponId, claim.ShopperId, committed + before + 1, claim.DeviceId, claim.IdempotencyKey,
                coupon.Code!, coupon.IssuedAt, coupon.ExpiresAt, claim.Slots!));
        }

        return rows;
    }

    public ShopperClaims ClaimsOf(string shopperId)
    {
        if (!_shoppers.TryGetValue(shopperId, out var claims))
        {
            claims = new ShopperClaims();
            _shoppers[shopperId] = claims;
        }

        return claims;
    }

    /// <summary>The shopper's claims, if they have any here.</summary>
    public ShopperClaims? Find(string shopperId) => _shoppers.GetValueOrDefault(shopperId);

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
            // Shoppers with a claim, so that API nodes forward their replays to the grain.
            var holders = _shoppers.Where(s => s.Value.Count > 0).Select(s => s.Key).ToList();
            _gate = new CampaignGate(definition.Id, now.UtcTicks, definition.StartsAt, definition.EndsAt,
                SoldOut, HolderFilter.Of(holders), Paused, definition.EarlyAccess);
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

    /// <summary>The key was seen before: the answer is the first claim's.</summary>
    public sealed record Replay(AdmittedClaim Earlier) : Admission;

    /// <summary>Refused; by the campaign's phase (not started, ended, paused, sold out) or by the shopper's own limit.</summary>
    public sealed record Refused(ClaimOutcome Outcome, bool ByPhase) : Admission;

    /// <summary>An API node may still refuse this claim's replays on a gate it holds: to be judged again at this time.</summary>
    public sealed record Held(DateTimeOffset Until) : Admission;
}
