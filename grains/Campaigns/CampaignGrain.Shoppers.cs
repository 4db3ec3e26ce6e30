using FlashSale.GrainInterfaces.Claims;
using FlashSale.GrainInterfaces.Gates;
using Microsoft.Extensions.Logging;

namespace FlashSale.Grains.Campaigns;

/// <summary>
/// The shoppers the ledger has and memory does not: read by index as they come back, many per read
/// (<see cref="ShopperLookups"/>), and the campaign's holders read once after activation, off the
/// grain's turns, into the filter that spares strangers a read (<see cref="CampaignHolders"/>).
/// </summary>
public sealed partial class CampaignGrain
{
    private ShopperLookups? _lookups;
    private Task _holdersRead = Task.CompletedTask;

    private ShopperLookups Lookups => _lookups ??= new ShopperLookups(
        shopperIds => ledger.ReadShoppersAsync(this.GetPrimaryKey(), shopperIds),
        (shopperIds, read) => Admission.Known(Definition!, shopperIds, read));

    // A claim from a shopper the ledger may know and memory does not: judged once the shopper has been read.
    private async Task<ClaimResult> ClaimOnceReadAsync(ClaimRequest request)
    {
        try
        {
            await Lookups.ReadAsync(request.ShopperId);
        }
        catch (Exception e)
        {
            CampaignGrainLog.ShoppersNotRead(logger, e, this.GetPrimaryKey());
            return await Refuse(ClaimOutcome.Unavailable);
        }

        return await Claim(request);
    }

    /// <summary>Reads into memory every one of these shoppers that the ledger may know and memory does not.</summary>
    private async Task KnowAsync(params string[] shopperIds)
    {
        // Checked again after each read: a shopper read may have been let go again before this turn.
        while (shopperIds.Where(Admission.MustRead).ToList() is { Count: > 0 } unknown)
        {
            await Task.WhenAll(unknown.Select(Lookups.ReadAsync));
        }
    }

    /// <summary>Starts a read of the campaign's holders when one is wanted (after activation, or to grow the filter).</summary>
    private void ReadHoldersSoon()
    {
        if (_holdersRead.IsCompleted && Admission.HoldersWanted)
        {
            _holdersRead = ReadHoldersAsync();
        }
    }

    private async Task ReadHoldersAsync()
    {
        var campaignId = this.GetPrimaryKey();
        var (words, upToSeq) = Admission.BeginHoldersRead();
        try
        {
            var holders = 0L;
            // Off the grain's turns: a campaign of millions takes seconds to read, and claims go on meanwhile.
            var claimants = await Task.Run(() => ledger.ReadHoldersAsync(campaignId, upToSeq, shopperId =>
            {
                HolderFilter.Add(words, shopperId, shared: true);
                holders++;
            }));
            Admission.EndHoldersRead(holders, upToSeq, claimants);
            ShopperReadMetrics.ReadHolders();
            // A refusing gate can now list them, and API nodes refuse strangers without calling.
            PublishGate();
        }
        catch (Exception e)
        {
            Admission.AbandonHoldersRead();
            CampaignGrainLog.HoldersNotRead(logger, e, campaignId);
        }
    }

    /// <summary>Shoppers with a committed claim: known once the holders have been read after activation.</summary>
    private async Task<int> ClaimantsAsync()
    {
        while (Admission.Claimants is null)
        {
            ReadHoldersSoon();
            await _holdersRead;
            if (Admission.Claimants is null && Admission.HoldersWanted)
            {
                // The read failed (and was logged): the results wait for one that does not.
                throw new InvalidOperationException($"The claimants of campaign {this.GetPrimaryKey()} could not be read.");
            }
        }

        return Admission.Claimants.Value;
    }
}
