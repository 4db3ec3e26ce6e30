using System.Collections.Concurrent;
using FlashSale.Api.Campaigns;
using FlashSale.GrainInterfaces.Gates;

namespace FlashSale.Api.Gates;

/// <summary>
/// Asks a campaign grain for its gate's holders when this node holds a refusing gate without them:
/// refusals carry no holders (megabytes on a campaign of millions), and the push that carries them
/// may have been missed (a node that was reconnecting). Once per campaign and gate version, so a
/// rush of refusals costs one call; until it answers, the node forwards the campaign's claims.
/// </summary>
public sealed partial class MissingHolders(CampaignGrains campaigns, LocalGates gates, TimeProvider clock, ILogger<MissingHolders> logger)
{
    private readonly ConcurrentDictionary<Guid, long> _askedFor = new();

    /// <summary>After a gate was learned from a refusal: asks for the holders if the gate held now refuses without them.</summary>
    public void Check(Guid campaignId)
    {
        if (gates.Held(campaignId) is not { Holders: null } held || !Refuses(held) || !FirstToAsk(campaignId, held.Version))
        {
            return;
        }

        _ = FetchAsync(campaignId, held.Version);
    }

    private bool Refuses(CampaignGate gate) => gate.SoldOut || gate.Paused || clock.GetUtcNow() >= gate.EndsAt;

    private bool FirstToAsk(Guid campaignId, long version)
    {
        while (true)
        {
            if (_askedFor.TryGetValue(campaignId, out var asked))
            {
                if (asked >= version)
                {
                    return false;
                }

                if (_askedFor.TryUpdate(campaignId, version, asked))
                {
                    return true;
                }
            }
            else if (_askedFor.TryAdd(campaignId, version))
            {
                return true;
            }
        }
    }

    private async Task FetchAsync(Guid campaignId, long version)
    {
        try
        {
            if (await campaigns.Of(campaignId).Gate() is { } gate)
            {
                gates.Learn(gate);
            }
        }
        catch (Exception e)
        {
            // The next refusal asks again.
            _askedFor.TryRemove(KeyValuePair.Create(campaignId, version));
            LogNotFetched(logger, e, campaignId);
        }
    }

    [LoggerMessage(EventId = 1301, Level = LogLevel.Warning, Message = "Could not fetch the gate holders of campaign {CampaignId}; its claims go to the grain meanwhile")]
    private static partial void LogNotFetched(ILogger logger, Exception exception, Guid campaignId);
}
