using System.Globalization;
using System.Text;
using FlashSale.Api.Campaigns;
using FlashSale.Api.Identity;
using FlashSale.Api.Problems;
using FlashSale.GrainInterfaces.Campaigns;

// Not FlashSale.Api.Results: a namespace of that name would hide ASP.NET Core's Results (Results.Ok, ...) from every FlashSale.Api namespace.
namespace FlashSale.Api.Insights;

/// <summary>
/// What the results page draws (role marketing, own campaigns only): a campaign's sale over time, its
/// return on the discount given, and that return across campaigns as a table and as CSV.
/// </summary>
public static class CampaignInsightEndpoints
{
    /// <summary>Points on a timeline: a chart's width in pixels gains nothing from more.</summary>
    public const int MaxTimelinePoints = 600;

    public static void MapCampaignInsights(this IEndpointRouteBuilder app)
    {
        var campaign = app.MapGroup("/api/campaigns/{id}").WithTags("Campaigns").RequireAuthorization(Roles.Marketing).OwnCampaignsOnly();
        campaign.MapGet("/timeline", Timeline)
            .WithSummary("The sale over time (role marketing): per bucket of one second (wider for long sales, at most 600 points) from the "
                + "opening to the sell-out, end or now, coupons issued and their running total against the stock, standing redemptions, "
                + "and refusals by code")
            .Produces<TimelineResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        campaign.MapGet("/roi", Roi)
            .WithSummary("The campaign's return (role marketing): order value driven by its coupons' standing uses, the discount they "
                + "cost, points spent on and granted by its coupons, a paid sale's revenue, and ROI = (order value − discount cost) / discount cost")
            .Produces<RoiResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        var campaigns = app.MapGroup("/api/campaigns").WithTags("Campaigns").RequireAuthorization(Roles.Marketing);
        campaigns.MapGet("/roi", Compare)
            .WithSummary($"Campaigns' returns side by side (role marketing, your merchant's campaigns): ids (comma-separated, up to "
                + $"{RoiComparisonQuery.MaxIds}, in that order), or those opening in [from, to) (the latest {RoiComparisonQuery.MaxRows}); "
                + "no parameter: your latest campaigns")
            .Produces<RoiComparisonResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        campaigns.MapGet("/roi.csv", CompareCsv)
            .WithSummary("The same comparison as CSV, one row per campaign (role marketing)")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> Timeline(string id, IClusterClient cluster)
    {
        if (!Guid.TryParse(id, out var campaignId)
            || await cluster.GetGrain<ICampaignTimelineGrain>(campaignId).Read(MaxTimelinePoints) is not { } timeline)
        {
            return CampaignEndpoints.NotFound();
        }

        return Results.Ok(TimelineResponse.Of(timeline));
    }

    private static async Task<IResult> Roi(string id, IClusterClient cluster)
    {
        if (!Guid.TryParse(id, out var campaignId) || await cluster.GetGrain<ICampaignInsightsGrain>(0).Roi([campaignId], null) is not [var roi])
        {
            return CampaignEndpoints.NotFound();
        }

        return Results.Ok(RoiResponse.Of(roi));
    }

    private static async Task<IResult> Compare(string? ids, string? from, string? to, HttpContext context, IClusterClient cluster)
    {
        var (rows, problem) = await ComparisonAsync(ids, from, to, context, cluster);
        return problem ?? Results.Ok(new RoiComparisonResponse(rows));
    }

    private static async Task<IResult> CompareCsv(string? ids, string? from, string? to, HttpContext context, IClusterClient cluster)
    {
        var (rows, problem) = await ComparisonAsync(ids, from, to, context, cluster);
        if (problem is not null)
        {
            return problem;
        }

        var csv = new StringBuilder("campaign_id,name,currency,starts_at,issued,redeemed,redemption_rate,order_value,discount_cost,points_spent,points_granted,sale_revenue,roi\n");
        foreach (var r in rows)
        {
            csv.Append(CultureInfo.InvariantCulture,
                $"{r.CampaignId},{CsvCell.Text(r.Name)},{CsvCell.Text(r.Currency)},{r.StartsAt:O},{r.Issued},{r.Redeemed},{r.RedemptionRate},{r.OrderValue},{r.DiscountCost},{r.PointsSpent},{r.PointsGranted},{r.SaleRevenue},{r.Roi}\n");
        }

        return Results.File(new UTF8Encoding(false).GetBytes(csv.ToString()), "text/csv; charset=utf-8", "campaign-roi.csv");
    }

    private static async Task<(IReadOnlyList<RoiResponse> Rows, IResult? Problem)> ComparisonAsync(string? ids, string? from, string? to,
        HttpContext context, IClusterClient cluster)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var query = RoiComparisonQuery.Read(ids, from, to, errors);
        if (errors.Count > 0)
        {
            return ([], Problem.Validation(errors));
        }

        var insights = cluster.GetGrain<ICampaignInsightsGrain>(0);
        // Another merchant's campaign is one that does not exist, as on every route of a campaign.
        var merchant = context.User.CampaignScope();
        if (query.Ids.IsEmpty)
        {
            var latest = await insights.RoiOpeningBetween(merchant, query.From, query.To, RoiComparisonQuery.MaxRows);
            return ([.. latest.Select(RoiResponse.Of)], null);
        }

        var rows = await insights.Roi(query.Ids, merchant);
        return rows.Length < query.Ids.Length
            ? ([], CampaignEndpoints.NotFound())
            : ([.. rows.Select(RoiResponse.Of)], null);
    }
}
