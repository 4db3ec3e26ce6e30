using System.Globalization;
using System.Text;
using FlashSale.Api.Identity;
using FlashSale.GrainInterfaces.Campaigns;

namespace FlashSale.Api.Campaigns;

/// <summary>A campaign's results (<c>/stats</c>), and its ledger as CSV, streamed.</summary>
public static class CampaignResultEndpoints
{
    /// <param name="RedemptionRate">Redeemed coupons over issued ones, 0 to 1.</param>
    /// <param name="TimeToSellOut">From <c>startsAt</c> to the last coupon, while the campaign is sold out.</param>
    /// <param name="Refusals">Refused claims by code (saved every few seconds; a silo killed in between loses at most those).</param>
    /// <param name="Risk">Risk decisions by verdict (<c>refused</c>, <c>flagged</c>), then rule.</param>
    /// <param name="ClosedAt">When the sale's end froze the claims' results (redemptions still count); absent while it runs.</param>
    public sealed record CampaignStatsResponse(
        Guid CampaignId, string Name, string State, int TotalStock, int Issued, int Remaining, int Claimants, int Redeemed,
        double RedemptionRate, decimal DiscountGiven, string Currency, DateTimeOffset StartsAt, DateTimeOffset? SoldOutAt,
        TimeSpan? TimeToSellOut, IReadOnlyDictionary<string, long> Refusals, IReadOnlyDictionary<string, IReadOnlyDictionary<string, long>> Risk,
        DateTimeOffset AsOf, DateTimeOffset? ClosedAt, IReadOnlyList<UnitStatsResponse>? Units = null, SaleStatsResponse? Sale = null);

    /// <summary>
    /// A paid sale's orders and money: <paramref name="Revenue"/> captured for orders paid in time (yuan),
    /// <paramref name="Refunded"/> paid back (late or duplicate payments, refunds), <paramref name="PaidConversion"/> paid of the orders no longer waiting.
    /// </summary>
    public sealed record SaleStatsResponse(int Orders, int Paid, int ExpiredUnpaid, int Refunded, int Pending, decimal Revenue, decimal RefundedAmount,
        decimal PaidConversion)
    {
        public static SaleStatsResponse? Of(SaleResults? sale) => sale is null ? null
            : new(sale.Orders, sale.Paid, sale.Expired, sale.Refunded, sale.Pending, sale.RevenueFen / 100m, sale.RefundedFen / 100m, sale.PaidConversion);
    }

    /// <param name="Kind"><c>batch</c> or <c>variant</c>.</param>
    public sealed record UnitStatsResponse(string Kind, string Key, CampaignStatsResponse Stats);

    public static void MapCampaignResults(this IEndpointRouteBuilder app)
    {
        var campaign = app.MapGroup("/api/campaigns/{id}").WithTags("Campaigns").RequireAuthorization(Roles.Marketing).OwnCampaignsOnly();
        campaign.MapGet("/stats", Stats)
            .WithSummary("The campaign's results: issued, claimants, redeemed and the rate, discount given, time to sell out, refusals by "
                + "code, risk decisions (role marketing). Kept as they happen: it reads a few rows whatever the campaign's size.")
            .Produces<CampaignStatsResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        campaign.MapGet("/coupons.csv", Export)
            .WithSummary("Every coupon of the campaign as CSV, in issue order, streamed as it is read (role marketing)")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> Stats(string id, IClusterClient cluster)
    {
        if (!Guid.TryParse(id, out var campaignId) || await cluster.GetGrain<ICampaignResultsGrain>(0).Of(campaignId) is not { } r)
        {
            return CampaignEndpoints.NotFound();
        }

        return Results.Ok(StatsOf(r));
    }

    private static CampaignStatsResponse StatsOf(CampaignResults r) => new(r.CampaignId, r.Name, r.State, r.TotalStock, r.Issued,
        r.TotalStock - r.Issued - (r.Sale?.Pending ?? 0), r.Claimants, r.Redeemed, r.Issued == 0 ? 0 : Math.Round((double)r.Redeemed / r.Issued, 4), r.DiscountGiven,
        r.Currency, r.StartsAt, r.SoldOutAt, r.SoldOutAt - r.StartsAt, r.Refusals,
        r.Risk.ToDictionary(v => v.Key, v => (IReadOnlyDictionary<string, long>)v.Value, StringComparer.Ordinal), r.AsOf, r.Closed,
        r.Units.IsDefaultOrEmpty ? null : [.. r.Units.Select(u => new UnitStatsResponse(u.Kind.ToString().ToLowerInvariant(), u.Key, StatsOf(u.Results)))],
        SaleStatsResponse.Of(r.Sale));

    private static async Task<IResult> Export(string id, IClusterClient cluster, CampaignUnitsCache units)
    {
        if (!Guid.TryParse(id, out var campaignId) || await units.OfAsync(campaignId) is not { } campaignUnits)
        {
            return CampaignEndpoints.NotFound();
        }

        // A group's ledger is its units', one after the other, each row naming its unit in a first column.
        var parts = campaignUnits.IsEmpty ? [(Key: (string?)null, Id: campaignId)] : campaignUnits.Select(u => (Key: (string?)u.Key, Id: u.CampaignId)).ToList();
        return Results.Stream(async body =>
        {
            await using var csv = new StreamWriter(body, new UTF8Encoding(false), bufferSize: 64 * 1024);
            var unitColumn = campaignUnits.IsEmpty ? "" : "unit,";
            await csv.WriteAsync(unitColumn + "seq,coupon_id,shopper_id,device_id,issued_at,expires_at,holder_id,standing_uses,discount\n");
            foreach (var (key, unitId) in parts)
            {
                var unit = key is null ? "" : CsvCell.Text(key) + ",";
                await foreach (var row in cluster.GetGrain<ICampaignExportGrain>(0).Coupons(unitId))
                {
                    await csv.WriteAsync(string.Create(CultureInfo.InvariantCulture,
                        $"{unit}{row.Seq},{row.CouponId},{CsvCell.Text(row.ShopperId)},{CsvCell.Text(row.DeviceId)},{row.IssuedAt:O},{row.ExpiresAt:O},{CsvCell.Text(row.Holder)},{row.Uses},{row.Discount}\n"));
                }
            }
        }, "text/csv; charset=utf-8", $"campaign-{campaignId}.csv");
    }
}
