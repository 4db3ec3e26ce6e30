using FlashSale.GrainInterfaces.Campaigns;
using FlashSale.GrainInterfaces.Live;
using Microsoft.AspNetCore.SignalR;

namespace FlashSale.Api.Live;

/// <summary>
/// <c>/hubs/live</c>: clients subscribe to campaigns and receive <c>inventory</c> snapshots and
/// <c>stateChanged</c> events for them. Anyone may watch a campaign's stock.
/// </summary>
public sealed class LiveHub(IClusterClient cluster) : Hub
{
    /// <summary>Joins the campaign's group and returns its stock now, so a dashboard draws at once.</summary>
    public async Task<InventorySnapshot> Subscribe(Guid campaignId)
    {
        var snapshot = await cluster.GetGrain<ICampaignGrain>(campaignId).Snapshot()
            ?? throw new HubException("campaign_not_found");
        await Groups.AddToGroupAsync(Context.ConnectionId, LiveGroups.Campaign(campaignId));
        return snapshot;
    }

    public Task Unsubscribe(Guid campaignId) => Groups.RemoveFromGroupAsync(Context.ConnectionId, LiveGroups.Campaign(campaignId));
}

public static class LiveGroups
{
    public static string Campaign(Guid campaignId) => $"campaign:{campaignId:N}";
}
