using FlashSale.GrainInterfaces.Campaigns;
using Microsoft.Extensions.Logging;

namespace FlashSale.Grains.Campaigns;

/// <summary>The campaign's results: its own counts in memory, the rest from counters PostgreSQL keeps as things happen.</summary>
public sealed partial class CampaignGrain
{
    private static readonly TimeSpan SaveRefusalsEvery = TimeSpan.FromSeconds(5);

    public async Task<CampaignResults?> Results()
    {
        if (Definition is null)
        {
            return null;
        }

        var claimants = await ClaimantsAsync();
        var (redeemed, discount) = await results.RedemptionsAsync(Definition.Id);
        var verdicts = await results.RiskAsync(Definition.Id);
        var view = View();
        var sale = Definition.Sale is null ? null : await results.SaleAsync(Definition.Id);
        return new CampaignResults(Definition.Id, Definition.Name, view.Phase.Name(), Issued + Held + Admission.Remaining, Issued,
            Definition.Terms.Currency, Definition.StartsAt, claimants, redeemed, discount, Admission.SoldOutAt, _live.Totals(), verdicts, view.AsOf, Closed: null,
            Sale: sale);
    }

    public async Task Close()
    {
        var now = clock.GetUtcNow();
        if (Definition is null || now < Definition.EndsAt)
        {
            return;
        }

        PublishState(CampaignPhase.Ended.Name());
        PublishGate();
        // Claims admitted just before the end are still being written: they belong to the results.
        for (var round = 0; Admission.InFlight > 0 && round < 10; round++)
        {
            await Committer.RoundsInFlight;
        }

        await SaveRefusalsAsync();
        if (Definition.IsGroup)
        {
            await results.CloseAsync(Definition.Id, now, 0, await Group.CloseUnits(Definition.Units), null, _live.Totals());
            return;
        }

        await results.CloseAsync(Definition.Id, now, Admission.Committed, await ClaimantsAsync(), Admission.SoldOutAt, _live.Totals());
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => await SaveRefusalsAsync();

    /// <summary>Refusals reach the results every few seconds, in one statement, however many there were.</summary>
    private void SaveRefusalsSoon() =>
        _refusalSaver ??= this.RegisterGrainTimer(SaveRefusalsAsync,
            new GrainTimerCreationOptions { DueTime = SaveRefusalsEvery, Period = SaveRefusalsEvery, Interleave = true });

    private async Task SaveRefusalsAsync()
    {
        if (_live.TakeUnsaved() is not { } unsaved)
        {
            _refusalSaver?.Dispose();
            _refusalSaver = null;
            return;
        }

        try
        {
            await results.AddRefusalsAsync(Definition!.Id, unsaved);
        }
        catch (Exception e)
        {
            // Kept for the next save: the results lag rather than lose them (a save whose answer alone was lost counts twice).
            _live.Unsaved(unsaved);
            CampaignGrainLog.RefusalsNotSaved(logger, e, Definition!.Id);
        }
    }
}
