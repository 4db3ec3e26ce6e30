using FlashSale.Api.Claims;
using FlashSale.Api.Gates;
using FlashSale.Api.Risk;
using FlashSale.Api.Identity;
using FlashSale.Api.Problems;
using FlashSale.GrainInterfaces.Campaigns;

namespace FlashSale.Api.Campaigns;

public static class CampaignEndpoints
{
    public static void MapCampaigns(this IEndpointRouteBuilder app)
    {
        var campaigns = app.MapGroup("/api/campaigns").WithTags("Campaigns");

        campaigns.MapPost("/", Create)
            .RequireAuthorization(Roles.Marketing)
            .WithSummary("Create a campaign with one coupon batch (role marketing)")
            .Accepts<CreateCampaignRequest>("application/json")
            .Produces<CampaignResponse>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);

        campaigns.MapGet("/", List)
            .AllowAnonymous()
            .WithSummary("Campaigns that have not ended, the soonest to open first, with their live counts")
            .Produces<CampaignListResponse>()
            .ProducesValidationProblem();

        campaigns.MapGet("/{id}", Get)
            .AllowAnonymous()
            .WithSummary("A campaign with its live issued and remaining counts")
            .Produces<CampaignResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> Create(HttpContext context, IClusterClient cluster, TimeProvider clock)
    {
        var (body, problem) = await JsonBody.Read<CreateCampaignRequest>(context.Request);
        if (problem is not null)
        {
            return problem;
        }

        var errors = CampaignValidation.Check(body!, clock.GetUtcNow(), out var definition);
        if (errors.Count > 0)
        {
            return Problem.Validation(errors);
        }

        definition = definition! with { CreatedBy = context.ShopperId() };
        var view = await cluster.GetGrain<ICampaignGrain>(definition.Id).Create(definition)
            ?? throw new InvalidOperationException($"Fresh campaign id {definition.Id} already exists.");
        return Results.Created($"/api/campaigns/{definition.Id}", CampaignResponse.Of(view));
    }

    private const int MaxListed = 100;

    private static async Task<IResult> List(string? limit, IClusterClient cluster, TimeProvider clock)
    {
        var size = 50;
        if (limit is not null && (!int.TryParse(limit, out size) || size is < 1 or > MaxListed))
        {
            return Problem.Validation(new Dictionary<string, string[]> { ["limit"] = [$"1 to {MaxListed} (default 50)."] });
        }

        var ids = await cluster.GetGrain<ICampaignCatalogGrain>(0).NotEnded(clock.GetUtcNow(), size);
        var views = await Task.WhenAll(ids.Select(id => cluster.GetGrain<ICampaignGrain>(id).Get()));
        return Results.Ok(new CampaignListResponse([.. views.OfType<CampaignView>().Select(CampaignResponse.Of)]));
    }

    private static async Task<IResult> Get(string id, HttpContext context, IClusterClient cluster, UnknownCampaigns unknown, CampaignFetches fetches)
    {
        if (!Guid.TryParse(id, out var campaignId) || unknown.Contains(campaignId))
        {
            return NotFound();
        }

        var view = await cluster.GetGrain<ICampaignGrain>(campaignId).Get();
        if (view is null)
        {
            unknown.Remember(campaignId);
            return NotFound();
        }

        if (context.Request.Headers[ClaimHeaders.DeviceId].FirstOrDefault() is { Length: > 0 and <= 128 } device)
        {
            fetches.Saw(campaignId, device);
        }

        return Results.Ok(CampaignResponse.Of(view));
    }

    public static IResult NotFound() =>
        Problem.Of(StatusCodes.Status404NotFound, "campaign_not_found", "There is no such campaign.");
}
