using FlashSale.Api.Identity;
using FlashSale.GrainInterfaces.Campaigns;
using FlashSale.GrainInterfaces.Live;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace FlashSale.Api.Live;

/// <summary>
/// <c>/hubs/live</c>: clients subscribe to campaigns and receive <c>inventory</c> snapshots and
/// <c>stateChanged</c> events for them; anyone may watch a campaign's stock. A connection made with
/// a token also gets, from the start, operators' <c>alert</c>s (roles marketing and admin) or the
/// shopper's own <c>expiryAlert</c>s (role shopper), and never anyone else's. Refusals are
/// <see cref="HubException"/>s whose message starts with a stable code.
/// </summary>
public sealed class LiveHub(IClusterClient cluster, CampaignExistence campaigns, IOptions<LiveHubSettings> settings) : Hub
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

    /// <summary>
    /// Joins the campaign's group and returns its stock now, so a dashboard draws at once. Refused with
    /// <c>too_many_subscriptions</c> past <see cref="LiveHubSettings.MaxSubscriptions"/> campaigns (one
    /// already watched takes no new place), and <c>campaign_not_found</c> for an id that names none.
    /// </summary>
    public async Task<InventorySnapshot> Subscribe(Guid campaignId)
    {
        var watched = Watching.Of(Context);
        var max = settings.Value.MaxSubscriptions;
        if (!watched.Contains(campaignId) && watched.Count >= max)
        {
            throw new HubException($"too_many_subscriptions: a connection watches at most {max} campaigns; unsubscribe from one first.");
        }

        // Asked before the campaign's grain is called, which would otherwise be activated for any id at all.
        if (!await campaigns.ExistsAsync(campaignId))
        {
            throw new HubException("campaign_not_found");
        }

        var snapshot = await cluster.GetGrain<ICampaignGrain>(campaignId).Snapshot();
        // Drafts are for marketing's eyes only.
        if (snapshot is null || (snapshot.State == CampaignPhase.Draft.Name() && !Context.User.IsOperator()))
        {
            throw new HubException("campaign_not_found");
        }

        await Groups.AddToGroupAsync(Context.ConnectionId, LiveGroups.Campaign(campaignId));
        watched.Add(campaignId);
        return snapshot;
    }

    public async Task Unsubscribe(Guid campaignId)
    {
        await Groups.RemoveFromGroupAsync(Context.ConnectionId, LiveGroups.Campaign(campaignId));
        Watching.Of(Context).Remove(campaignId);
    }
}

public static class LiveGroups
{
    public const string Operators = "operators";

    public static string Campaign(Guid campaignId) => $"campaign:{campaignId:N}";

    public static string Shopper(string shopperId) => "shopper:" + shopperId;
}
