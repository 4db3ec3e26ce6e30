using FlashSale.GrainInterfaces.Sales;

namespace FlashSale.Api.Sales;

/// <summary>
/// Where payment gateways send their notifications (WeChat Pay v3 style): anonymous, since the
/// gateway's signature over the raw body is what authenticates it, checked in the silo. Answers as
/// the gateways expect: 204 accepted; 401 with <c>{"code":"FAIL"}</c> refused; 500 not recorded
/// (the gateway sends it again on its schedule).
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
            return Refused("body too large");
        }

        var headers = request.Headers;
        var notification = new PaymentNotification(channel, headers["Wechatpay-Serial"], headers["Wechatpay-Signature"], headers["Wechatpay-Timestamp"],
            headers["Wechatpay-Nonce"], body.ToArray());
        var answer = await cluster.GetGrain<ISalePaymentsGrain>(0).Notify(notification);
        return answer switch
        {
            { Accepted: true } => Results.NoContent(),
            { Failed: true } => Results.Json(new GatewayAnswer("FAIL", "not recorded; send again"), statusCode: StatusCodes.Status500InternalServerError),
            _ => Refused(answer.Refusal ?? "refused"),
        };
    }

    private static IResult Refused(string why) => Results.Json(new GatewayAnswer("FAIL", why), statusCode: StatusCodes.Status401Unauthorized);

    /// <summary>The body WeChat Pay expects with a failure status.</summary>
    private sealed record GatewayAnswer(string Code, string Message);
}
