using System.Globalization;
using System.Text;
using FlashSale.Api.Campaigns;
using FlashSale.Api.Identity;
using FlashSale.Api.Problems;
using FlashSale.GrainInterfaces.Sales;

namespace FlashSale.Api.Sales;

/// <summary>
/// Reconciliation (对账) for admins: run a day's statements against our books, read the latest
/// reports, download the differences as CSV. The silo also runs yesterday's every day by itself.
/// </summary>
public static class ReconciliationEndpoints
{
    public static void MapReconciliations(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/admin/payments/reconciliations").WithTags("Orders").RequireAuthorization(Roles.Admin);
        group.MapPost("", Run)
            .WithSummary("Reconcile a day (yyyy-MM-dd, China time) of one channel's statement, or of every channel's, now (role admin)")
            .Accepts<ReconcileRequest>("application/json")
            .Produces<ReconciliationReport[]>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        group.MapGet("", Latest)
            .WithSummary("The latest reconciliation of each channel for ?date=yyyy-MM-dd (role admin)")
            .Produces<ReconciliationReport[]>()
            .ProducesValidationProblem();
        group.MapGet("/{date}.csv", Download)
            .WithSummary("The latest reconciliations' differences for a day, as CSV (role admin)")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .ProducesValidationProblem();
    }

    private static ISalePaymentsGrain Payments(IClusterClient cluster) => cluster.GetGrain<ISalePaymentsGrain>(0);

    private static async Task<IResult> Run(HttpContext context, IClusterClient cluster)
    {
        var (body, problem) = await JsonBody.Read<ReconcileRequest>(context.Request);
        if (problem is not null)
        {
            return problem;
        }

        if (!TryDay(body!.Date, out var day))
        {
            return InvalidDate();
        }

        var channel = string.IsNullOrEmpty(body.Channel) ? null : body.Channel;
        var reports = await Payments(cluster).Reconcile(channel, day);
        if (channel is not null && reports.IsEmpty)
        {
            return Problem.Of(StatusCodes.Status404NotFound, "unknown_channel", $"No payment channel is called '{channel}'.");
        }

        return reports.Any(r => r.Unavailable is not null)
            ? Problem.Of(StatusCodes.Status503ServiceUnavailable, "statement_unavailable", "A gateway did not hand over its statement; try again shortly.",
                extensions: new Dictionary<string, object?>(StringComparer.Ordinal) { ["reports"] = reports })
            : Results.Ok(reports);
    }

    private static async Task<IResult> Latest(string? date, IClusterClient cluster) =>
        TryDay(date, out var day) ? Results.Ok(await Payments(cluster).Reconciliations(day)) : InvalidDate();

    private static async Task<IResult> Download(string date, IClusterClient cluster)
    {
        if (!TryDay(date, out var day))
        {
            return InvalidDate();
        }

        var reports = await Payments(cluster).Reconciliations(day);
        var csv = new StringBuilder("channel,day,ran_at,kind,out_trade_no,out_refund_no,statement_fen,ours_fen,on_statement,detail\n");
        foreach (var report in reports)
        {
            foreach (var d in report.Differences)
            {
                csv.Append(CultureInfo.InvariantCulture,
                    $"{CsvCell.Text(report.Channel)},{report.Day:yyyy-MM-dd},{report.RanAt:O},{d.Kind},{CsvCell.Text(d.OutTradeNo)},{CsvCell.Text(d.OutRefundNo)},{d.StatementFen},{d.OursFen},{d.OnStatement},{CsvCell.Text(d.Detail)}\n");
            }
        }

        return Results.File(Encoding.UTF8.GetBytes(csv.ToString()), "text/csv; charset=utf-8", $"reconciliation-{day:yyyy-MM-dd}.csv");
    }

    private static bool TryDay(string? text, out DateOnly day) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day);

    private static IResult InvalidDate() =>
        Problem.Validation(new Dictionary<string, string[]>(StringComparer.Ordinal) { ["date"] = ["Required: a day as yyyy-MM-dd (China time)."] });
}

/// <summary>A day (yyyy-MM-dd, China time) to reconcile, and optionally one channel (default: every channel).</summary>
public sealed record ReconcileRequest(string? Date, string? Channel);
