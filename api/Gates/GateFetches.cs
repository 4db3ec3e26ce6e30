using System.Collections.Concurrent;
using FlashSale.Api.Campaigns;
using FlashSale.GrainInterfaces.Gates;

namespace FlashSale.Api.Gates;

/// <summary>
/// The gate of a campaign this node holds none of (trusted or not), for what a claim needs before its grain
/// answers: the opening, which risk rules about a sale's first moments judge by. Asked of the grain once
/// however many claims want it at once (a cold node at a hot opening), then held like any pushed gate.
/// </summary>
public sealed partial class GateFetches(CampaignGrains campaigns, LocalGates gates, ILogger<GateFetches> logger)
{
    private readonly ConcurrentDictionary<Guid, Lazy<Task<CampaignGate?>>> _inFlight = new();

    /// <summary>The gate held, else the grain's; null when the grain has none or could not be asked (the claim goes on without it).</summary>
    public async ValueTask<CampaignGate?> HeldOrFetchedAsync(Guid campaignId)
    {
        if (gates.Held(campaignId) is { } held)
        {
            return held;
        }

        var fetch = _inFlight.GetOrAdd(campaignId, id => new Lazy<Task<CampaignGate?>>(() => FetchAsync(id)));
        try
        {
            return await fetch.Value;
        }
        finally
        {
            _inFlight.TryRemove(KeyValuePair.Create(campaignId, fetch));
        }
    }

    private async Task<CampaignGate?> FetchAsync(Guid campaignId)
    {
        try
        {
            var gate = await campaigns.Of(campaignId).Gate();
            if (gate is not null)
            {
                gates.Learn(gate);
            }

            return gate;
        }
        catch (Exception e)
        {
            // The claim itself goes to the grain next and meets whatever failed here its own way.
            LogNotFetched(logger, e, campaignId);
            return null;
        }
    }

    [LoggerMessage(EventId = 1302, Level = LogLevel.Warning, Message = "Could not fetch the gate of campaign {CampaignId}; its claim is judged without the opening")]
    private static partial void LogNotFetched(ILogger logger, Exception exception, Guid campaignId);
}
