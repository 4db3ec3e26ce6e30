using System.Collections.Immutable;
using FlashSale.GrainInterfaces.Campaigns;
using FlashSale.GrainInterfaces.Claims;
using FlashSale.GrainInterfaces.Gates;
using FlashSale.GrainInterfaces.Wallet;
using FlashSale.Grains.Ledger;
using FlashSale.Grains.Live;
using FlashSale.Grains.Risk;
using FlashSale.Grains.Wallet;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FlashSale.Grains.Campaigns;

/// <summary>
/// One campaign's stock. Each claim is judged at once against counters held in memory
/// (<see cref="ClaimAdmission"/>); what is admitted is reserved with the limits and group-committed
/// (<see cref="ClaimCommitter"/>), and each caller is answered only once the transaction holding its
/// claim has committed. Reentrant so that admissions go on while a write is in flight; Orleans still
/// runs one turn at a time, so the fields below need no locks.
/// </summary>
[Reentrant]
public sealed partial class CampaignGrain(
    [PersistentState("campaign", "campaigns")] IPersistentState<CampaignState> state,
    ICampaignLedger ledger,
    CampaignChangeLog changeLog,
    CampaignResultsStore results,
    WalletStore wallets,
    TimeProvider clock,
    IOptions<RiskOptions> risk,
    IOptions<LiveAlertOptions> liveAlerts,
    InventoryBatches inventories,
    RiskAuditLog audit,
    LimitCounterGrains limitCounters,
    ILogger<CampaignGrain> logger) : Grain, ICampaignGrain, IClaimCommitEvents
{
    private ClaimAdmission? _admission;
    private ClaimCommitter? _committer;
    private ClaimLimits? _limits;
    private readonly LiveInventory _live = new();
    private IGrainTimer? _refusalSaver;

    private CampaignDefinition? Definition => state.State.Definition;
    private ClaimAdmission Admission => _admission ??= new ClaimAdmission(risk.Value.DayOf);
    private ClaimCommitter Committer => _committer ??= new ClaimCommitter(this.GetPrimaryKey(), Admission, ledger, () => Limits, this);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (Definition is null)
        {
            return;
        }

        var snapshot = await ledger.LoadAsync(this.GetPrimaryKey())
            ?? throw new InvalidOperationException($"Campaign {this.GetPrimaryKey()} has a definition but no ledger row.");
        // An early end is written to the ledger first; a crash before the stored definition caught up is mended here.
        if (snapshot.EndsAt is { } endsAt && endsAt < Definition.EndsAt)
        {
            state.State.Definition = Definition with { EndsAt = endsAt };
        }

        Admission.Load(snapshot);
        _sale = snapshot.Sale ?? SaleCounts.None;
        await WatchDeadlinesAsync();
        ReadHoldersSoon();
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
        await WatchDeadlinesAsync();
        Admission.Draft = draft;
        await PlanScheduleAsync();
        Admission.Stock(definition.TotalStock);
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

        if (Admission.Draft)
        {
            return Task.FromResult(ClaimResult.Refused(ClaimOutcome.Draft));
        }

        // A group issues nothing itself: API nodes send claims to its batches and variants.
        if (definition.IsGroup)
        {
            return Task.FromResult(ClaimResult.Refused(ClaimOutcome.CampaignNotFound));
        }

        if (Committer.Broken)
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

        var now = clock.GetUtcNow();
        switch (Admission.Admit(definition, request, now))
        {
            case Admission.Admitted admitted:
                Committer.Add(admitted.Claim);
                ReadHoldersSoon();
                return AsOrder(admitted.Claim.Answer);
            case Admission.Unknown _:
                return ClaimOnceReadAsync(request);
            case Admission.Replay replay:
                return AsOrder(ReplayOf(replay.Earlier));
            case Admission.Held held:
                return ClaimOnceGatesExpireAsync(request, held.Until - now);
            case Admission.Refused { ByPhase: true } refused:
                return RefuseByPhase(refused.Outcome, now);
            case Admission.Refused refused:
                return Refuse(refused.Outcome);
            default:
                throw new InvalidOperationException("Unknown admission.");
        }
    }

    public Task Restock(int stock)
    {
        var wasSoldOut = Admission.SoldOut;
        if (Admission.Restock(stock))
        {
            _lowStockAlerted.RemoveWhere(percent => (long)Admission.Remaining * 100 > (long)percent * Admission.TotalStock);
            // API nodes that hold a sold-out gate let claims through again.
            PublishGate();
            PublishSoon();
            if (wasSoldOut)
            {
                PublishState(View().Phase.Name());
            }
        }

        return Task.CompletedTask;
    }

    private ClaimLimits Limits => _limits ??= new ClaimLimits(limitCounters, Definition!.Id, Definition.RiskOrNone,
        Definition.RiskOrNone.DailyClaimCap ?? risk.Value.DailyClaimCap, Definition.PointsPrice, logger);

    /// <summary>A refusal, counted for the dashboards.</summary>
    private Task<ClaimResult> Refuse(ClaimOutcome outcome)
    {
        Counted(outcome);
        return Task.FromResult(ClaimResult.Refused(outcome));
    }

    /// <summary>
    /// A phase refusal, counted, with the time and the gate, but never its holders: a sold-out campaign
    /// of millions has a filter of megabytes, which every refusal in a rush would carry again. Nodes
    /// get the holders from the gate's push, or ask for them once (<see cref="Gate"/>).
    /// </summary>
    private Task<ClaimResult> RefuseByPhase(ClaimOutcome outcome, DateTimeOffset now)
    {
        Counted(outcome);
        var gate = HandOutGate(now);
        return Task.FromResult(ClaimResult.Refused(outcome, gate.Holders is null ? gate : gate with { Holders = null }, now));
    }

    public Task<CampaignGate?> Gate() => Task.FromResult(Definition is null ? null : HandOutGate(clock.GetUtcNow()));

    // Judged again once no API node can refuse its replays on an older gate (see OutstandingGates).
    private async Task<ClaimResult> ClaimOnceGatesExpireAsync(ClaimRequest request, TimeSpan wait)
    {
        await Task.Delay(wait, clock);
        return await Claim(request);
    }

    private async Task<ClaimResult> ReplayOf(AdmittedClaim earlier)
    {
        var original = await earlier.Answer;
        if (original.Outcome != ClaimOutcome.Issued)
        {
            return original;
        }

        // A coupon that may be given away may have been, through another activation of this campaign: two can run for
        // seconds while the cluster's membership changes (a silo severed from the others: the fault harness's partitions
        // found three replays answered with a code their giver no longer held). The ledger knows its holder (M4).
        if (original.Coupon?.Code is not null && Definition!.UseOrDefault.Transfer != TransferRule.None
            && await wallets.HolderOfAsync(earlier.Coupon.CouponId) is { } holder && holder != earlier.ShopperId)
        {
            earlier.GiveAway();
            return new ClaimResult(ClaimOutcome.Replayed, earlier.Coupon);
        }

        return original with { Outcome = ClaimOutcome.Replayed };
    }

    private CampaignGate HandOutGate(DateTimeOffset now) => Admission.HandOutGate(Definition!, now);

    private CampaignView View()
    {
        var now = clock.GetUtcNow();
        return new CampaignView(Definition!, Issued, Admission.Remaining, Admission.PhaseAt(Definition!, now), now, Held);
    }
}
