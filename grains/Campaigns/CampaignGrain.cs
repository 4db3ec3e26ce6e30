using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using FlashSale.GrainInterfaces.Campaigns;
using FlashSale.GrainInterfaces.Claims;
using FlashSale.GrainInterfaces.Gates;
using FlashSale.GrainInterfaces.Live;
using FlashSale.GrainInterfaces.Risk;
using FlashSale.GrainInterfaces.Wallet;
using FlashSale.Grains.Ledger;
using FlashSale.Grains.Live;
using FlashSale.Grains.Risk;
using FlashSale.Grains.Wallet;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FlashSale.Grains.Campaigns;

/// <summary>
/// One campaign's stock. Claims are admitted one at a time against counters held in memory, then
/// group-committed: while one ledger write is in flight, newly admitted claims queue for the next
/// one, and each caller is answered only once the transaction holding its claim has committed.
/// Reentrant so that admissions go on while a write is in flight; Orleans still runs one turn at a
/// time, so the fields below need no locks.
/// </summary>
[Reentrant]
public sealed partial class CampaignGrain(
    [PersistentState("campaign", "campaigns")] IPersistentState<CampaignState> state,
    CouponLedger ledger,
    LedgerWriter writer,
    CampaignChangeLog changeLog,
    CampaignResultsStore results,
    WalletStore wallets,
    TimeProvider clock,
    IOptions<RiskOptions> risk,
    IOptions<LiveAlertOptions> liveAlerts,
    RiskAuditLog audit,
    ILogger<CampaignGrain> logger) : Grain, ICampaignGrain
{
    private static readonly TimeSpan LiveInterval = TimeSpan.FromMilliseconds(200);

    // Bounds one transaction's size; a larger backlog is written by successive transactions.
    private const int MaxClaimsPerWrite = 4096;

    private readonly Dictionary<string, ShopperClaims> _shoppers = new(StringComparer.Ordinal);
    private List<AdmittedClaim> _reserving = [];
    private Task _reserver = Task.CompletedTask;
    private ClaimLimits? _limits;
    private List<AdmittedClaim> _queued = [];
    private Task _writer = Task.CompletedTask;
    private int _totalStock;
    private int _committed;
    private int _inFlight;
    private bool _broken;
    private CampaignGate? _gate;
    private readonly OutstandingGates _outstanding = new();
    private readonly LiveInventory _live = new();
    private bool _paused;
    private bool _draft;
    // Shoppers with a committed claim, and when the stock last ran out: the results' own counts.
    private int _claimants;
    private DateTimeOffset? _soldOutAt;
    private IGrainTimer? _refusalSaver;
    private string? _announcedState;
    private IGrainTimer? _liveTimer;
    private IGrainTimer? _edgeTimer;
    private int _quietTicks;
    // Low-stock thresholds already crossed: each alerts once, until a restock lifts the stock above it again.
    private readonly HashSet<int> _lowStockAlerted = [];
    private DateTimeOffset _lastRiskSpike = DateTimeOffset.MinValue;

    private CampaignDefinition? Definition => state.State.Definition;
    private int Available => _totalStock - _committed - _inFlight;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (Definition is null)
        {
            return;
        }

        var snapshot = await ledger.LoadAsync(this.GetPrimaryKey())
            ?? throw new InvalidOperationException($"Campaign {this.GetPrimaryKey()} has a definition but no ledger row.");
        _totalStock = snapshot.TotalStock;
        _committed = snapshot.Issued;
        _paused = snapshot.Paused;
        _draft = snapshot.Draft;
        // An early end is written to the ledger first; a crash before the stored definition caught up is mended here.
        if (snapshot.EndsAt is { } endsAt && endsAt < Definition.EndsAt)
        {
            state.State.Definition = Definition with { EndsAt = endsAt };
        }

        foreach (var row in snapshot.Coupons)
        {
            var coupon = new IssuedCoupon(row.CouponId, row.Code, Definition.Id, Definition.Terms, row.IssuedAt, row.ExpiresAt);
            var claims = ClaimsOf(row.ShopperId);
            claims.Add(AdmittedClaim.Committed(row.ShopperId, row.IdempotencyKey, coupon));
            claims.Committed++;
        }

        foreach (var (shopperId, received) in snapshot.Received)
        {
            ClaimsOf(shopperId).Received = received;
        }

        _claimants = _shoppers.Values.Count(s => s.Committed > 0);
        _soldOutAt = _committed >= _totalStock && snapshot.Coupons.Count > 0 ? snapshot.Coupons[^1].IssuedAt : null;
        _live.Restore(await results.RefusalsAsync(Definition.Id));

        // Thresholds crossed before this activation were alerted then.
        AlertLowStock(publish: false);
        // API nodes may hold a gate from an earlier activation; the fresh one replaces it.
        PublishGate();
        TimeNextEdge();
    }

    public async Task<CampaignView?> CreateGroup(CampaignDefinition group, ImmutableArray<CampaignDefinition> units, bool draft)
    {
        if (Definition is not null)
        {
            return null;
        }

        // The units first: a crash in between leaves units no list shows (their group does not exist), never a group without them.
        foreach (var unit in units)
        {
            await GrainFactory.GetGrain<ICampaignGrain>(unit.Id).Create(unit, draft);
        }

        return await Create(group, draft);
    }

    public async Task<CampaignView?> Create(CampaignDefinition definition, bool draft)
    {
        if (Definition is not null)
        {
            return null;
        }

        // The ledger row first: a crash before the state write leaves an orphan row that nothing reads,
        // never a campaign without its counter.
        await changeLog.CreateAsync(definition, draft);
        state.State.Definition = definition;
        await state.WriteStateAsync();
        await StartExpiryWatchAsync();
        _draft = draft;
        await PlanScheduleAsync();
        _totalStock = definition.TotalStock;
        PublishGate();
        TimeNextEdge();
        return View();
    }

    private async Task StartExpiryWatchAsync()
    {
        if (Definition!.UseOrDefault.Reminders.Length > 0 || Definition.UseOrDefault.RecycleExpired)
        {
            await GrainFactory.GetGrain<ICouponExpiryGrain>(Definition.Id).Start();
        }
    }

    // An unknown campaign's activation is left to idle collection: deactivating it at once made
    // concurrent calls on the same id fail in forwarding instead of hearing "not found".
    public Task<CampaignView?> Get() => Task.FromResult(Definition is null ? null : View());

    public Task<ClaimResult> Claim(ClaimRequest request)
    {
        var definition = Definition;
        if (definition is null)
        {
            return Task.FromResult(ClaimResult.Refused(ClaimOutcome.CampaignNotFound));
        }

        if (_draft)
        {
            return Task.FromResult(ClaimResult.Refused(ClaimOutcome.Draft));
        }

        // A group issues nothing itself: API nodes send claims to its batches and variants.
        if (definition.IsGroup)
        {
            return Task.FromResult(ClaimResult.Refused(ClaimOutcome.CampaignNotFound));
        }

        if (_broken)
        {
            return Refuse(ClaimOutcome.Unavailable);
        }

        // A variant serves only the shoppers the campaign's hash sends to it, however the claim found
        // it (its own id, a named variant): otherwise one shopper could pass the per-user limit in each.
        if (definition.ParentId is not null && !_variantsKnown)
        {
            return ClaimOnceVariantsKnownAsync(request);
        }

        if (!IsShoppersVariant(request.ShopperId))
        {
            return Task.FromResult(ClaimResult.Refused(ClaimOutcome.CampaignNotFound));
        }

        // A replay gets the original outcome whatever has happened to the campaign since.
        var claims = ClaimsOf(request.ShopperId);
        if (claims.Find(request.IdempotencyKey) is { } earlier)
        {
            return ReplayOf(earlier);
        }

        var now = clock.GetUtcNow();
        if (now < definition.OpensFor(request.Tier))
        {
            return Refuse(ClaimOutcome.NotStarted, now);
        }

        if (now >= definition.EndsAt)
        {
            return Refuse(ClaimOutcome.Ended, now);
        }

        if (_paused)
        {
            return Refuse(ClaimOutcome.Paused, now);
        }

        // The limit before the stock: a shopper's count never drops while the stock is gone, so a
        // refused key that is replayed hears the same refusal.
        if (claims.Count >= definition.PerUserLimit)
        {
            return Refuse(ClaimOutcome.LimitReached);
        }

        if (Available <= 0)
        {
            return Refuse(ClaimOutcome.SoldOut, now);
        }

        if (_outstanding.RefusingUntil(request.ShopperId, request.Tier, now) is { } refusingUntil)
        {
            return ClaimOnceGatesExpireAsync(request, refusingUntil - now);
        }

        var coupon = new IssuedCoupon(
            Guid.CreateVersion7(now), CouponCodes.New(), definition.Id, definition.Terms, now, definition.Validity.ExpiryFor(now));
        var claim = new AdmittedClaim(request.ShopperId, request.DeviceId, request.IdempotencyKey, coupon);
        claims.Add(claim);
        _inFlight++;
        _gate = null;
        claim.Day = risk.Value.DayOf(now);
        _reserving.Add(claim);
        if (_reserver.IsCompleted)
        {
            _reserver = ReserveLimitsOfAdmittedClaims();
        }

        return claim.Answer;
    }

    public Task Restock(int stock)
    {
        if (stock > _totalStock)
        {
            var wasSoldOut = _committed >= _totalStock;
            _totalStock = stock;
            _soldOutAt = null;
            _lowStockAlerted.RemoveWhere(percent => (long)(_totalStock - _committed) * 100 > (long)percent * _totalStock);
            // API nodes that hold a sold-out gate let claims through again.
            _gate = null;
            PublishGate();
            PublishSoon();
            if (wasSoldOut)
            {
                PublishState(View().Phase.Name());
            }
        }

        return Task.CompletedTask;
    }

    public async Task<TransferResult> Transfer(Guid couponId, string fromShopper, string toShopper)
    {
        if (Definition is null)
        {
            return new TransferResult(TransferOutcome.NotFound);
        }

        await KnowVariantsAsync();
        // Within-limit receipts count from now on, so that claims admitted while the transfer is written see it.
        var recipient = ClaimsOf(toShopper);
        var counted = Definition.UseOrDefault.Transfer == TransferRule.WithinLimit;
        if (counted && (!IsShoppersVariant(toShopper) || recipient.Count >= Definition.PerUserLimit))
        {
            // Only the holder learns why: to anyone else the coupon does not exist (unless this giver gave it to them).
            return await wallets.HolderOfAsync(couponId) != fromShopper
                ? await wallets.EarlierTransferAsync(couponId, fromShopper, toShopper) ?? new TransferResult(TransferOutcome.NotFound)
                : !IsShoppersVariant(toShopper) ? new TransferResult(TransferOutcome.RecipientInOtherVariant)
                : new TransferResult(TransferOutcome.RecipientLimitReached);
        }

        if (counted)
        {
            recipient.Received++;
        }

        var transferred = false;
        try
        {
            var result = await wallets.TransferAsync(couponId, fromShopper, toShopper, clock.GetUtcNow());
            transferred = result.Outcome == TransferOutcome.Transferred;
            return result;
        }
        finally
        {
            if (counted && !transferred)
            {
                recipient.Received--;
            }

            // The claim that issued it no longer answers with its code: the code is the holder's (M4).
            if (transferred && _shoppers.TryGetValue(fromShopper, out var giver))
            {
                giver.GaveAway(couponId);
            }
        }
    }

    /// <summary>
    /// Rounds of limit reservations, one in flight at a time, like the writes: claims admitted while
    /// a round is out join the next one. A claim refused by a limit gives its stock unit back; the
    /// others queue for the next write.
    /// </summary>
    private async Task ReserveLimitsOfAdmittedClaims()
    {
        await Task.Yield();
        ClaimRounds.LeaveCallerTrace();
        while (_reserving.Count > 0 && !_broken)
        {
            var round = _reserving;
            _reserving = [];
            Dictionary<AdmittedClaim, ClaimLimits.Refusal> refusals;
            using (ClaimRounds.Start("reserve limits", Definition!.Id, round))
            {
                refusals = await Limits.ReserveAsync(round);
            }

            foreach (var claim in round)
            {
                if (refusals.TryGetValue(claim, out var refusal))
                {
                    if (refusal.Rule is { } rule)
                    {
                        audit.Record(new RiskDecision(clock.GetUtcNow(), RiskVerdict.Refused, rule, Definition!.Id, claim.ShopperId,
                            claim.DeviceId, null, $$"""{"limit":{{refusal.Limit?.ToString(CultureInfo.InvariantCulture) ?? "null"}}}"""));
                    }

                    Withdraw(claim, refusal.Outcome);
                }
                else if (_broken)
                {
                    Limits.Release([claim], afterFailedWrite: false);
                    Withdraw(claim, ClaimOutcome.Unavailable);
                }
                else
                {
                    _queued.Add(claim);
                }
            }

            if (_queued.Count > 0 && _writer.IsCompleted)
            {
                _writer = WriteQueuedClaims();
            }
        }
    }

    private ClaimLimits Limits => _limits ??= new ClaimLimits(GrainFactory, Definition!.Id, Definition.RiskOrNone,
        Definition.RiskOrNone.DailyClaimCap ?? risk.Value.DailyClaimCap, Definition.PointsPrice, logger);

    /// <summary>Takes an admitted claim back out: its stock unit and its place in the shopper's count.</summary>
    private void Withdraw(AdmittedClaim claim, ClaimOutcome outcome)
    {
        _shoppers[claim.ShopperId].Remove(claim);
        _inFlight--;
        claim.Fail(outcome);
        Counted(outcome);
    }

    /// <summary>A refusal, counted for the dashboards; a phase refusal carries the gate and the time (passed when it is one).</summary>
    private Task<ClaimResult> Refuse(ClaimOutcome outcome, DateTimeOffset? now = null)
    {
        Counted(outcome);
        return Task.FromResult(ClaimResult.Refused(outcome, now is { } at ? HandOutGate(at) : null, now));
    }

    // Judged again once no API node can refuse its replays on an older gate (see OutstandingGates).
    private async Task<ClaimResult> ClaimOnceGatesExpireAsync(ClaimRequest request, TimeSpan wait)
    {
        await Task.Delay(wait, clock);
        return await Claim(request);
    }

    private void Counted(ClaimOutcome refusal)
    {
        var now = clock.GetUtcNow();
        _live.Tick(now);
        _live.Refused(refusal);
        AlertRiskSpike(now);
        PublishSoon();
        SaveRefusalsSoon();
    }

    // Checked as refusals are counted, so that a second's count is judged before the second rolls over.
    private void AlertRiskSpike(DateTimeOffset now)
    {
        var spike = liveAlerts.Value;
        if (_live.RiskThisSecond >= spike.RiskSpikePerSecond && now - _lastRiskSpike >= spike.RiskSpikeQuiet)
        {
            _lastRiskSpike = now;
            PublishAlert("risk_spike", _live.RiskThisSecond);
        }
    }

    public Task CountRefusals(System.Collections.Immutable.ImmutableDictionary<string, int> refusals)
    {
        if (Definition is not null)
        {
            var now = clock.GetUtcNow();
            _live.Tick(now);
            foreach (var (code, count) in refusals)
            {
                _live.Refused(code, count);
            }

            AlertRiskSpike(now);
            PublishSoon();
            SaveRefusalsSoon();
        }

        return Task.CompletedTask;
    }

    public async Task<InventorySnapshot?> Snapshot() =>
        Definition is null ? null : Definition.IsGroup ? await GroupSnapshotAsync() : SnapshotForSubscriber();

    // A subscriber's snapshot must not swallow a change the publisher has yet to send to everyone else.
    private InventorySnapshot SnapshotForSubscriber()
    {
        var pending = _live.Changed;
        var snapshot = TakeSnapshot();
        _live.Changed |= pending;
        return snapshot;
    }

    private InventorySnapshot TakeSnapshot()
    {
        var now = clock.GetUtcNow();
        var (perSecond, rejections, firstCommit) = _live.Take(now);
        if (Definition!.IsGroup && _unitSnapshots is not null)
        {
            return GroupSnapshot(now);
        }

        return new InventorySnapshot(Definition!.Id, _totalStock - _committed, _committed, perSecond, rejections, View().Phase.Name(), now,
            firstCommit);
    }

    /// <summary>
    /// Dashboards hear of a change within 200 ms and at most every 200 ms, whatever the claim rate:
    /// a timer runs while changes come, and stops once the campaign has been quiet for two seconds.
    /// </summary>
    private void PublishSoon()
    {
        _live.Changed = true;
        _quietTicks = 0;
        _liveTimer ??= this.RegisterGrainTimer(PublishSnapshotAsync,
            new GrainTimerCreationOptions { DueTime = LiveInterval, Period = LiveInterval, Interleave = true });
    }

    private Task PublishSnapshotAsync(CancellationToken cancellationToken)
    {
        if (_live.Changed)
        {
            var snapshot = TakeSnapshot();
            GrainFactory.GetGrain<ILiveHubGrain>(0).Inventory(snapshot).Ignore();
            if (Definition!.ParentId is { } group)
            {
                GrainFactory.GetGrain<ICampaignGrain>(group).UnitInventory(snapshot).Ignore();
            }
        }
        else if (++_quietTicks >= 10)
        {
            _liveTimer?.Dispose();
            _liveTimer = null;
        }

        return Task.CompletedTask;
    }

    /// <summary>
    /// Tells dashboards that the campaign opened or ended while this activation lives. The timer is
    /// only the messenger: claims are judged by the clock at the moment they arrive, never by it.
    /// </summary>
    private void TimeNextEdge()
    {
        _edgeTimer?.Dispose();
        _edgeTimer = null;
        if (_draft)
        {
            return;
        }

        var now = clock.GetUtcNow();
        var edge = now < Definition!.StartsAt ? Definition.StartsAt : now < Definition.EndsAt ? Definition.EndsAt : (DateTimeOffset?)null;
        // A far edge is left to a later activation: grain timers cannot wait weeks.
        if (edge is { } at && at - now <= MaxEdgeWait)
        {
            _edgeTimer = this.RegisterGrainTimer(PublishEdgeAsync, at,
                new GrainTimerCreationOptions { DueTime = at - now, Period = Timeout.InfiniteTimeSpan, Interleave = true });
        }
    }

    private static readonly TimeSpan MaxEdgeWait = TimeSpan.FromDays(1);

    private Task PublishEdgeAsync(DateTimeOffset edge, CancellationToken cancellationToken)
    {
        // Timers may fire a little early; the state must have changed before it is announced.
        if (clock.GetUtcNow() >= edge)
        {
            PublishState(View().Phase.Name());
            PublishSoon();
        }

        TimeNextEdge();
        return Task.CompletedTask;
    }

    private void AlertLowStock(bool publish)
    {
        var remaining = _totalStock - _committed;
        foreach (var percent in liveAlerts.Value.LowStockPercents.Order().Reverse())
        {
            if ((long)remaining * 100 <= (long)percent * _totalStock && _lowStockAlerted.Add(percent) && publish)
            {
                PublishAlert("low_stock", percent);
            }
        }
    }

    private void PublishAlert(string kind, int? threshold) =>
        GrainFactory.GetGrain<ILiveHubGrain>(0).OperatorAlert(
            new OperatorAlert(Definition!.Id, kind, threshold, _totalStock - _committed, clock.GetUtcNow())).Ignore();

    // The timer, the schedule's reminder and a control may all announce one change: dashboards hear it once.
    private void PublishState(string state)
    {
        if (state != _announcedState)
        {
            _announcedState = state;
            GrainFactory.GetGrain<ILiveHubGrain>(0).StateChanged(new StateChange(Definition!.Id, state, clock.GetUtcNow())).Ignore();
        }
    }

    private static async Task<ClaimResult> ReplayOf(AdmittedClaim earlier)
    {
        var original = await earlier.Answer;
        return original.Outcome == ClaimOutcome.Issued ? original with { Outcome = ClaimOutcome.Replayed } : original;
    }

    private async Task WriteQueuedClaims()
    {
        // Let the claims already in the mailbox be admitted before the first write starts.
        await Task.Yield();
        ClaimRounds.LeaveCallerTrace();
        while (_queued.Count > 0 && !_broken)
        {
            List<AdmittedClaim> batch;
            if (_queued.Count <= MaxClaimsPerWrite)
            {
                (batch, _queued) = (_queued, []);
            }
            else
            {
                batch = _queued[..MaxClaimsPerWrite];
                _queued.RemoveRange(0, MaxClaimsPerWrite);
            }

            await Commit(batch);
        }
    }

    private async Task Commit(List<AdmittedClaim> batch)
    {
        using var span = ClaimRounds.Start("group commit", Definition!.Id, batch);
        while (batch.Count > 0)
        {
            try
            {
                await writer.IssueAsync(new CampaignBatch(this.GetPrimaryKey(), _committed, RowsOf(batch), Limits.ForLedger));
            }
            catch (LedgerConflictException e) when (e.Conflict == LedgerConflict.KeyTaken)
            {
                // Rare: a shopper reused a key from another campaign. Refuse those claims, write the rest.
                if (!await SettleTakenKeys(batch))
                {
                    Break(batch, e);
                    return;
                }

                continue;
            }
            catch (LedgerConflictException e) when (e.Conflict == LedgerConflict.Closed && ClosedOutcome() is { } closed)
            {
                // A pause or an end was acknowledged while these claims waited: none of them is issued (M6).
                Limits.Release(batch, afterFailedWrite: false);
                foreach (var claim in batch)
                {
                    Withdraw(claim, closed);
                }

                return;
            }
            catch (Exception e)
            {
                Break(batch, e);
                return;
            }

            _committed += batch.Count;
            _inFlight -= batch.Count;
            foreach (var claim in batch)
            {
                if (_shoppers[claim.ShopperId].Committed++ == 0)
                {
                    _claimants++;
                }

                claim.MarkCommitted();
            }

            Limits.Confirm(batch);
            _live.Committed(batch.Count, clock.GetUtcNow());
            PublishSoon();
            AlertLowStock(publish: true);

            if (_committed >= _totalStock)
            {
                _soldOutAt = batch[^1].Coupon.IssuedAt;
                PublishGate();
                PublishState("sold_out");
                PublishAlert("sold_out", null);
            }

            return;
        }
    }

    /// <summary>Why this activation knows its campaign is closed to claims; null when it believes it open (then its view is stale).</summary>
    private ClaimOutcome? ClosedOutcome() =>
        clock.GetUtcNow() >= Definition!.EndsAt ? ClaimOutcome.Ended : _paused ? ClaimOutcome.Paused : _draft ? ClaimOutcome.Draft : null;

    private List<NewCoupon> RowsOf(List<AdmittedClaim> batch)
    {
        var rows = new List<NewCoupon>(batch.Count);
        Dictionary<string, int>? repeats = null;
        foreach (var claim in batch)
        {
            var slot = _shoppers[claim.ShopperId].Committed + 1;
            if (repeats is not null && repeats.TryGetValue(claim.ShopperId, out var earlierInBatch))
            {
                slot += earlierInBatch;
            }

            (repeats ??= new(StringComparer.Ordinal))[claim.ShopperId] = slot - _shoppers[claim.ShopperId].Committed;
            var coupon = claim.Coupon;
            rows.Add(new NewCoupon(coupon.CouponId, claim.ShopperId, slot, claim.DeviceId, claim.IdempotencyKey,
                coupon.Code!, coupon.IssuedAt, coupon.ExpiresAt, claim.Slots!));
        }

        return rows;
    }

    /// <summary>
    /// Refuses, and takes out of the batch, the claims whose key already holds a coupon on another
    /// campaign. False when a key holds one on this campaign: then this activation's view is stale.
    /// </summary>
    private async Task<bool> SettleTakenKeys(List<AdmittedClaim> batch)
    {
        var owners = await ledger.FindKeyOwnersAsync(batch.Select(c => (c.ShopperId, c.IdempotencyKey)).ToList());
        if (owners.Count == 0 || owners.Any(o => o.CampaignId == this.GetPrimaryKey()))
        {
            return false;
        }

        var taken = owners.Select(o => (o.ShopperId, o.IdempotencyKey)).ToHashSet();
        foreach (var claim in batch.Where(c => taken.Contains((c.ShopperId, c.IdempotencyKey))).ToList())
        {
            batch.Remove(claim);
            Limits.Release([claim], afterFailedWrite: false);
            Withdraw(claim, ClaimOutcome.KeyReused);
        }

        return true;
    }

    /// <summary>
    /// A failed write acknowledges none of its claims. The activation stops serving and goes away,
    /// so that the next call activates a fresh one that rebuilds its view from the ledger.
    /// </summary>
    private void Break(List<AdmittedClaim> batch, Exception error)
    {
        CampaignGrainLog.LedgerWriteFailed(logger, error, this.GetPrimaryKey(), batch.Count + _queued.Count);
        _broken = true;
        var unwritten = batch.Concat(_queued).ToList();
        Limits.Release(unwritten, afterFailedWrite: true);
        foreach (var claim in unwritten.Concat(_reserving))
        {
            claim.Fail(ClaimOutcome.Unavailable);
            _live.Refused(ClaimOutcome.Unavailable);
        }

        _queued = [];
        _reserving = [];
        DeactivateOnIdle();
    }

    private ShopperClaims ClaimsOf(string shopperId)
    {
        if (!_shoppers.TryGetValue(shopperId, out var claims))
        {
            claims = new ShopperClaims();
            _shoppers[shopperId] = claims;
        }

        return claims;
    }

    /// <summary>The gate as of now; rebuilt only after an admission changed the holders.</summary>
    private CampaignGate Gate()
    {
        var definition = Definition!;
        var soldOut = _committed >= _totalStock;
        var endedSinceBuilt = _gate is not null && _gate.BuiltAt < definition.EndsAt && clock.GetUtcNow() >= definition.EndsAt;
        if (_gate is null || _gate.SoldOut != soldOut || _gate.Paused != _paused || endedSinceBuilt)
        {
            // Shoppers with a claim, so that API nodes forward their replays to this grain.
            var holders = _shoppers.Where(s => s.Value.Count > 0).Select(s => s.Key).ToList();
            _gate = new CampaignGate(definition.Id, clock.GetUtcNow().UtcTicks, definition.StartsAt, definition.EndsAt,
                soldOut, HolderFilter.Of(holders), _paused, definition.EarlyAccess);
        }

        return _gate;
    }

    private CampaignGate HandOutGate(DateTimeOffset now)
    {
        var gate = Gate();
        _outstanding.HandedOut(gate, now);
        return gate;
    }

    // Drafts have no gate: API nodes send their claims here, to be told the campaign does not exist.
    private void PublishGate()
    {
        if (!_draft)
        {
            GrainFactory.GetGrain<ILiveHubGrain>(0).GateChanged(HandOutGate(clock.GetUtcNow())).Ignore();
        }
    }

    private CampaignView View()
    {
        var definition = Definition!;
        var now = clock.GetUtcNow();
        var phase = _draft ? CampaignPhase.Draft
            : now < definition.StartsAt ? CampaignPhase.Scheduled
            : now >= definition.EndsAt ? CampaignPhase.Ended
            : _paused ? CampaignPhase.Paused
            : _committed >= _totalStock ? CampaignPhase.SoldOut
            : CampaignPhase.Open;
        return new CampaignView(definition, _committed, _totalStock - _committed, phase, now);
    }
}

internal static partial class CampaignGrainLog
{
    [LoggerMessage(EventId = 2001, Level = LogLevel.Warning,
        Message = "Ledger write for campaign {CampaignId} failed; {Count} claims not acknowledged, rebuilding from the ledger")]
    public static partial void LedgerWriteFailed(ILogger logger, Exception exception, Guid campaignId, int count);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Warning, Message = "Could not save refusal counts of campaign {CampaignId}; retrying")]
    public static partial void RefusalsNotSaved(ILogger logger, Exception exception, Guid campaignId);
}
