using FlashSale.Api.Identity;
using FlashSale.GrainInterfaces.Campaigns;
using FlashSale.GrainInterfaces.Live;
using Microsoft.AspNetCore.SignalR;

namespace FlashSale.Api.Live;

/// <summary>
/// <c>/hubs/live</c>: clients subscribe to campaigns and receive <c>inventory</c> snapshots and
/// <c>stateChanged</c> events for them; anyone may watch a campaign's stock. A connection made with
/// a token also gets, from the start, operators' <c>alert</c>s (roles marketing and admin) or the
/// shopper's own <c>expiryAlert</c>s (role shopper), and never anyone else's.
/// </summary>
public sealed class LiveHub(IClusterClient cluster) : Hub
{
    public override async Task OnConnectedAsync()
    {
        var user = Context.User;
        if (user.IsOperator())
        {
            await Groups.AddToGroupAsync(Context.ConnectionId, LiveGroups.Operators);
        }

        if (user?.IsInRole(Roles.Shopper) == true && user.FindFirst(Authentication.SubjectClaim)?.Value is { } shopperId)
        {
            await Groups.AddToGroupAsync(Context.ConnectionId, LiveGroups.Shopper(shopperId));
        }

        await base.OnConnectedAsync();
    }

    /// <summary>Joins the campaign's group and returns its stock now, so a dashboard draws at once.</summary>
    public async Task<InventorySnapshot> Subscribe(Guid campaignId)
    {
        var snapshot = await cluster.GetGrain<ICampaignGrain>(campaignId).Snapshot();
        // Drafts are for marketing's eyes only.
        if (snapshot is null || (snapshot.State == CampaignPhase.Draft.Name() && !Context.User.IsOperator()))
        {
            throw new HubException("campaign_not_found");
        }

        await Groups.AddToGroupAsync(Context.ConnectionId, LiveGroups.Campaign(campaignId));
        return snapshot;
    }

    public Task Unsubscribe(Guid campaignId) => Groups.RemoveFromGroupAsync(Context.ConnectionId, LiveGroups.Campaign(campaignId));
}

public static class LiveGroups
{
    public const string Operators = "operators";

    public static string Campaign(Guid campaignId) => $"campaign:{campaignId:N}";

    public static string Shopper(string shopperId) => "shopper:" + shopperId;
}
