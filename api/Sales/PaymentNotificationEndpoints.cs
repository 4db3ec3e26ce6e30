using FlashSale.Api.Problems;
using FlashSale.GrainInterfaces.Sales;

namespace FlashSale.Api.Sales;

/// <summary>
/// Where payment gateways send their notifications (WeChat Pay v3 style): anonymous, since the
/// gateway's signature over the raw body is what authenticates it, checked in the silo. WeChat Pay
/// judges by the status alone: 204 accepted; 401 refused (a problem whose code says why:
/// <c>bad_signature</c>, <c>stale_timestamp</c>, <c>replayed_nonce</c>, ...); 503 not recorded yet.
/// Both of the latter are sent again on the gateway's schedule.
/// </summary>
public static class PaymentNotificationEndpoints
{
    /// <summary>Notifications are small; a larger body is not one.</summary>
    private const int MaxBody = 64 * 1024;

    public static void MapPaymentNotifications(this IEndpointRouteBuilder app) =>
        app.MapPost("/api/payments/notifications/{channel}", Receive)
            .WithTags("Orders")
            .AllowAnonymous()
            .WithSummary("A payment gateway's signed notification of a capture or refund (for gateways, not people)")
            .Produces(StatusCodes.Status204NoContent)
            .Produces(StatusCodes.Status401Unauthorized);

    private static async Task<IResult> Receive(string channel, HttpRequest request, IClusterClient cluster)
    {
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body, request.HttpContext.RequestAborted);
        if (body.Length > MaxBody)
        {
            return Refused("malformed");
        }

        var headers = request.Headers;
        var notification = new PaymentNotification(channel, headers["Wechatpay-Serial"], headers["Wechatpay-Signature"], headers["Wechatpay-Timestamp"],
            headers["Wechatpay-Nonce"], body.ToArray());
        var answer = await cluster.GetGrain<ISalePaymentsGrain>(0).Notify(notification);
        return answer switch
        {
            { Accepted: true } => Results.NoContent(),
            { Failed: true } => Results.Extensions.Unavailable("The notification could not be recorded yet; send it again."),
            _ => Refused(answer.Refusal ?? "refused"),
        };
    }

    /// <summary>Gateways judge by the status alone (any 4xx: not accepted, sent again); the code says why, for people reading logs.</summary>
    private static IResult Refused(string code) =>
        Problem.Of(StatusCodes.Status401Unauthorized, code, "The notification was refused: it is not one the gateway sent now.");
}
