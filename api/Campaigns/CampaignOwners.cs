using FlashSale.Api.Identity;
using FlashSale.GrainInterfaces.Campaigns;
using Microsoft.Extensions.Caching.Memory;

namespace FlashSale.Api.Campaigns;

/// <summary>
/// Which merchant each campaign belongs to, remembered on this node (it never changes), so that a
/// tenancy check costs one indexed read per campaign and node, and never wakes the campaign's grain.
/// </summary>
public sealed class CampaignOwners(IClusterClient cluster)
{
    private readonly MemoryCache _owners = new(new MemoryCacheOptions { SizeLimit = 100_000 });

    /// <summary>Null when there is no such campaign.</summary>
    public async Task<string?> OfAsync(Guid campaignId)
    {
        if (_owners.TryGetValue(campaignId, out string? owner))
        {
            return owner;
        }

        owner = await cluster.GetGrain<ICampaignCatalogGrain>(0).MerchantOf(campaignId);
        if (owner is not null)
        {
            _owners.Set(campaignId, owner, new MemoryCacheEntryOptions { Size = 1 });
        }

        return owner;
    }
}

/// <summary>
/// On routes under <c>/api/campaigns/{id}</c>: another merchant's campaign is answered as if it did
/// not exist (404 <c>campaign_not_found</c>), before the route does anything.
/// </summary>
public sealed class OwnCampaignsOnly(CampaignOwners owners) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next) =>
        context.HttpContext.User.CampaignScope() is { } merchant
        && context.HttpContext.GetRouteValue("id") is string id && Guid.TryParse(id, out var campaignId)
        && await owners.OfAsync(campaignId) is { } owner && owner != merchant
            ? CampaignEndpoints.NotFound()
            : await next(context);
}

public static class CampaignTenancy
{
    /// <summary>Refuses other merchants' campaigns on these routes (<see cref="OwnCampaignsOnly"/>).</summary>
    public static TBuilder OwnCampaignsOnly<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter<TBuilder, OwnCampaignsOnly>();
}
