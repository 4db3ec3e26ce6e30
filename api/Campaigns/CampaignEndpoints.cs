using System.Collections.Immutable;
using System.Globalization;
using FlashSale.Api.Claims;
using FlashSale.Api.Gates;
using FlashSale.Api.Identity;
using FlashSale.Api.Paging;
using FlashSale.Api.Problems;
using FlashSale.Api.Risk;
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
            .WithSummary("Campaigns by opening time, soonest first, with their counts. Query: state (comma-separated; default every "
                + "state but ended, drafts for marketing only; marketing users see their own merchant's only), from and to (opening at or after / before), limit (1-100, default 50), after.")
            .Produces<CampaignListResponse>()
            .ProducesValidationProblem();

        campaigns.MapGet("/{id}", Get)
            .AllowAnonymous()
            .OwnCampaignsOnly()
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

        if (CampaignGroupValidation.IsGroup(body!))
        {
            return await CreateGroupAsync(body!, context, cluster, clock);
        }

        var errors = CampaignValidation.Check(body!, clock.GetUtcNow(), out var definition);
        if (errors.Count > 0)
        {
            return Problem.Validation(errors);
        }

        definition = definition! with { CreatedBy = context.ShopperId(), MerchantId = context.User.MerchantId() };
        var view = await cluster.GetGrain<ICampaignGrain>(definition.Id).Create(definition, body!.Draft ?? false)
            ?? throw new InvalidOperationException($"Fresh campaign id {definition.Id} already exists.");
        return Results.Created($"/api/campaigns/{definition.Id}", CampaignResponse.Of(view));
    }

    private static async Task<IResult> CreateGroupAsync(CreateCampaignRequest body, HttpContext context, IClusterClient cluster, TimeProvider clock)
    {
        var errors = CampaignGroupValidation.Check(body, clock.GetUtcNow(), out var group, out var units);
        if (errors.Count > 0)
        {
            return Problem.Validation(errors);
        }

        var (creator, merchant) = (context.ShopperId(), context.User.MerchantId());
        group = group! with { CreatedBy = creator, MerchantId = merchant };
        var view = await cluster.GetGrain<ICampaignGrain>(group.Id)
            .CreateGroup(group, [.. units.Select(u => u with { CreatedBy = creator, MerchantId = merchant })], body.Draft ?? false)
            ?? throw new InvalidOperationException($"Fresh campaign id {group.Id} already exists.");
        return Results.Created($"/api/campaigns/{group.Id}", await CampaignResponse.OfAsync(view, cluster));
    }

    private static readonly string[] Phases = ["draft", "scheduled", "open", "paused", "sold_out", "ended"];
    private static readonly ImmutableArray<string> NotEnded = ["scheduled", "open", "paused", "sold_out"];

    private static async Task<IResult> List(string? state, string? from, string? to, string? limit, string? after, HttpContext context,
        IClusterClient cluster, TimeProvider clock, CampaignFetches fetches)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var forOperator = context.User.IsOperator();
        var states = NotEnded;
        if (state is not null)
        {
            states = [.. state.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal)];
            if (states.IsEmpty || states.Any(s => !Phases.Contains(s)))
            {
                errors["state"] = [$"A comma-separated list of {string.Join(", ", Phases)}."];
            }
        }
        else if (forOperator)
        {
            states = states.Add("draft");
        }

        var window = (From: QueryInstant(from, "from", errors), To: QueryInstant(to, "to", errors));
        var (size, position) = Pages.Read(limit, after, errors, defaultSize: 50);
        if (errors.Count > 0)
        {
            return Problem.Validation(errors);
        }

        if (states.Contains("draft", StringComparer.Ordinal) && !forOperator)
        {
            return Problem.Of(StatusCodes.Status403Forbidden, "forbidden", "Only marketing sees drafts.");
        }

        var page = await cluster.GetGrain<ICampaignCatalogGrain>(0)
            .Find(new CampaignQuery(states, window.From, window.To, clock.GetUtcNow(), size, position, context.User.CampaignScope()));
        // A shop's list shows every drop it lists: each is read, for risk control, as one read on its own.
        if (context.Request.Headers[ClaimHeaders.DeviceId].FirstOrDefault() is { Length: > 0 and <= 128 } device)
        {
            foreach (var campaign in page.Campaigns)
            {
                fetches.Saw(campaign.Id, device);
            }
        }

        return Results.Ok(new CampaignListResponse([.. page.Campaigns.Select(CampaignSummaryResponse.Of)],
            page.Next is { } next ? PageCursor.Write(next) : null));
    }

    /// <summary>A query's instant (ISO 8601, UTC unless it says otherwise), or its field's error; absent stays null.</summary>
    internal static DateTimeOffset? QueryInstant(string? value, string field, Dictionary<string, string[]> errors)
    {
        if (value is null)
        {
            return null;
        }

        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant))
        {
            return instant.ToUniversalTime();
        }

        errors[field] = ["An ISO 8601 instant, e.g. 2026-11-11T00:00:00+08:00."];
        return null;
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

        if (view.Phase == CampaignPhase.Draft && !context.User.IsOperator())
        {
            return NotFound();
        }

        if (view.Definition.IsGroup)
        {
            return Results.Ok(await CampaignResponse.OfAsync(view, cluster));
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
