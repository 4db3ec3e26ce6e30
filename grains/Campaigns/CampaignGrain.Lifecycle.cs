using System.Collections.Immutable;
using FlashSale.GrainInterfaces.Campaigns;

namespace FlashSale.Grains.Campaigns;

/// <summary>
/// Marketing's changes: edits before the opening, publishing a draft, and the controls during the sale.
/// Each is written to the ledger with its audit row before it takes effect here.
/// </summary>
public sealed partial class CampaignGrain
{
    public async Task<CampaignChangeResult> Change(CampaignChange change)
    {
        if (Definition is null)
        {
            return new CampaignChangeResult(CampaignChangeOutcome.NotFound);
        }

        var now = clock.GetUtcNow();
        if (now >= Definition.EndsAt)
        {
            return new CampaignChangeResult(CampaignChangeOutcome.Ended, View());
        }

        if (Definition.IsGroup && change.Kind == CampaignChangeKind.TopUp)
        {
            return new CampaignChangeResult(CampaignChangeOutcome.UnitRequired, View());
        }

        // The ledger's guards decide races between two controls: the loser changes nothing.
        var outcome = change.Kind switch
        {
            CampaignChangeKind.Publish => await PublishAsync(change.Actor, now),
            CampaignChangeKind.Pause or CampaignChangeKind.Resume => await SetPausedAsync(change.Kind == CampaignChangeKind.Pause, change.Actor, now),
            CampaignChangeKind.End => await EndAsync(change.Actor, now),
            _ => await TopUpAsync(change.Add, change.IdempotencyKey, change.Actor, now),
        };

        // A group's publish, pause, resume and end are its units' too; each is audited on its own row as well.
        if (outcome == CampaignChangeOutcome.Done && Definition.IsGroup)
        {
            await Group.Change(Definition.Units, change);
        }

        return new CampaignChangeResult(outcome, View());
    }

    public Task<ImmutableArray<CampaignChangeEntry>> Changes() => changeLog.ReadAsync(this.GetPrimaryKey());

    public Task Announce()
    {
        if (Definition is not null)
        {
            AnnounceChange();
        }

        return Task.CompletedTask;
    }

    public async Task<CampaignChangeResult> Edit(CampaignDefinition definition, string actor, string changes)
    {
        if (Definition is null)
        {
            return new CampaignChangeResult(CampaignChangeOutcome.NotFound);
        }

        var now = clock.GetUtcNow();
        if ((!Admission.Draft && now >= Definition.StartsAt) || !await changeLog.EditAsync(definition, actor, now, changes))
        {
            return new CampaignChangeResult(CampaignChangeOutcome.AlreadyOpened, View());
        }

        state.State.Definition = definition;
        await state.WriteStateAsync();
        await StartExpiryWatchAsync();
        await PlanScheduleAsync();
        // Nothing was issued before the opening, so the stock is the definition's and no limit has counted yet.
        Admission.Stock(definition.TotalStock);
        _limits = null;
        TimeNextEdge();
        AnnounceChange();
        return new CampaignChangeResult(CampaignChangeOutcome.Done, View());
    }

    private async Task<CampaignChangeOutcome> PublishAsync(string actor, DateTimeOffset now)
    {
        if (!Admission.Draft || !await changeLog.PublishAsync(Definition!.Id, actor, now))
        {
            return CampaignChangeOutcome.NotDraft;
        }

        Admission.Draft = false;
        await PlanScheduleAsync();
        TimeNextEdge();
        AnnounceChange();
        return CampaignChangeOutcome.Done;
    }

    private async Task<CampaignChangeOutcome> SetPausedAsync(bool pause, string actor, DateTimeOffset now)
    {
        if (Admission.Paused == pause || !await changeLog.SetPausedAsync(Definition!.Id, pause, actor, now))
        {
            return pause ? CampaignChangeOutcome.AlreadyPaused : CampaignChangeOutcome.NotPaused;
        }

        Admission.Paused = pause;
        AnnounceChange();
        return CampaignChangeOutcome.Done;
    }

    private async Task<CampaignChangeOutcome> EndAsync(string actor, DateTimeOffset now)
    {
        if (!await changeLog.EndAsync(Definition!.Id, actor, now))
        {
            return CampaignChangeOutcome.Ended;
        }

        state.State.Definition = Definition with { EndsAt = now };
        await state.WriteStateAsync();
        await PlanScheduleAsync();
        TimeNextEdge();
        AnnounceChange();
        return CampaignChangeOutcome.Done;
    }

    private async Task<CampaignChangeOutcome> TopUpAsync(int add, string? key, string actor, DateTimeOffset now)
    {
        var (outcome, stock) = await changeLog.TopUpAsync(Definition!.Id, add, key, CampaignDefinition.MaxStock, actor, now);
        if (stock is { } added)
        {
            await Restock(added);
        }

        return outcome;
    }

    private async Task PlanScheduleAsync()
    {
        var schedule = GrainFactory.GetGrain<ICampaignScheduleGrain>(Definition!.Id);
        await schedule.Plan(Admission.Draft ? null : Definition.StartsAt, Definition.EndsAt);
        await schedule.PlanWarmUp(Admission.Draft ? null : Definition.EarlyAccess.FirstOpening(Definition.StartsAt));
    }

    public async Task Warm()
    {
        if (Definition is { } definition && !Admission.Draft)
        {
            // Idle collection must not undo the warm-up before the first claims come.
            var opening = definition.EarlyAccess.FirstOpening(definition.StartsAt);
            var now = clock.GetUtcNow();
            if (opening > now)
            {
                DelayDeactivation(opening - now + KeptAfterOpening);
            }

            // The gate needs no push here: a cold activation pushed it, and a warm one pushed it when it last changed.
            await Limits.WarmAsync();
        }
    }

    private static readonly TimeSpan KeptAfterOpening = TimeSpan.FromMinutes(5);

    /// <summary>API nodes refuse by the new gate at once; dashboards hear the new state.</summary>
    private void AnnounceChange()
    {
        Admission.ChangedGate();
        PublishGate();
        PublishState(View().Phase.Name());
        PublishSoon();
    }
}
