using FlashSale.Api.Identity;
using FlashSale.Api.Paging;
using FlashSale.Api.Problems;
using FlashSale.GrainInterfaces.Wallet;

namespace FlashSale.Api.Wallet;

/// <summary>The shopper's alert inbox: expiry reminders, newest first.</summary>
public static class AlertEndpoints
{
    public static void MapAlerts(this IEndpointRouteBuilder app)
    {
        var alerts = app.MapGroup("/api/me/alerts").WithTags("Wallet").RequireAuthorization(Roles.Shopper);

        alerts.MapGet("/", Inbox)
            .WithSummary("Your alerts, newest first (role shopper). Query: unread (true for unread only), limit (1-100, default 20), after.")
            .Produces<AlertPageResponse>()
            .ProducesValidationProblem();

        alerts.MapPost("/{id}/read", MarkRead)
            .WithSummary("Mark one of your alerts read (role shopper).")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> Inbox(HttpContext context, IClusterClient cluster, string? unread, string? limit, string? after)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var unreadOnly = false;
        if (unread is not null && !bool.TryParse(unread, out unreadOnly))
        {
            errors["unread"] = ["true or false."];
        }

        var (size, position) = Pages.Read(limit, after, errors);

        if (errors.Count > 0)
        {
            return Problem.Validation(errors);
        }

        var page = await cluster.GetGrain<IWalletGrain>(context.ShopperId()).Alerts(unreadOnly, position, size);
        return Results.Ok(AlertPageResponse.Of(page));
    }

    private static async Task<IResult> MarkRead(string id, HttpContext context, IClusterClient cluster) =>
        Guid.TryParse(id, out var alertId) && await cluster.GetGrain<IWalletGrain>(context.ShopperId()).MarkRead(alertId)
            ? Results.NoContent()
            : Problem.Of(StatusCodes.Status404NotFound, "alert_not_found", "No such alert in your inbox.");
}

/// <param name="Kind"><c>expiry</c>: the coupon expires within <c>remindBefore</c>.</param>
public sealed record AlertResponse(Guid AlertId, string Kind, Guid CouponId, Guid CampaignId, string CampaignName, TimeSpan RemindBefore,
    DateTimeOffset ExpiresAt, DateTimeOffset CreatedAt, bool Read);

public sealed record AlertPageResponse(IReadOnlyList<AlertResponse> Alerts, string? Next)
{
    public static AlertPageResponse Of(AlertPage page) => new(
        [.. page.Alerts.Select(a => new AlertResponse(a.AlertId, a.Kind, a.CouponId, a.CampaignId, a.CampaignName, a.RemindBefore, a.ExpiresAt,
            a.CreatedAt, a.Read))],
        page.Next is { } next ? PageCursor.Write(next) : null);
}
