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

        var (redeemed, discount) = await results.RedemptionsAsync(Definition.Id);
        var risk = await results.RiskAsync(Definition.Id);
        return new CampaignResults(View(), _claimants, redeemed, discount, _committed >= _totalStock ? _soldOutAt : null, _live.Totals(), risk);
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
            logger.LogWarning(e, "Could not save refusal counts of campaign {Campaign}; retrying", Definition!.Id);
        }
    }
}
