using System.Text.Json;
using FlashSale.Api.Identity;
using FlashSale.Api.Problems;
using FlashSale.Api.Risk;
using FlashSale.Api.Wallet;
using FlashSale.GrainInterfaces.Sales;

namespace FlashSale.Api.Sales;

/// <summary>
/// A shopper's orders of paid sales (a claim on one places the order): listing them, and paying
/// one through the channel the routing rules choose. Admins see the routing decisions.
/// </summary>
public static class OrderEndpoints
{
    private const int MaxOrders = 100;

    public static void MapOrders(this IEndpointRouteBuilder app)
    {
        var orders = app.MapGroup("/api/orders").WithTags("Orders").RequireAuthorization(Roles.Shopper);
        orders.MapGet("", List)
            .WithSummary("Your orders of paid sales, newest first (role shopper)")
            .Produces<OrderResponse[]>();
        orders.MapGet("/{id}", One)
            .WithSummary("One of your orders (role shopper)")
            .Produces<OrderResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        orders.MapPost("/{id}/payment", Pay)
            .AddEndpointFilter<BlockedShoppersRefused>()
            .WithSummary("Pay an order before its deadline: the answer's payUrl is where to pay (role shopper). Asked again, the same payment.")
            .Produces<OrderResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        orders.MapPost("/{id}/refund", Refund)
            .WithinChangeDeadline()
            .AddEndpointFilter<BlockedShoppersRefused>()
            .WithSummary("Give back a paid coupon you have not used: the money goes back through the gateway, the coupon is revoked (role shopper). Asked again, the same refund.")
            .Produces<OrderResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        app.MapGet("/api/admin/payments/routes", Routes)
            .WithTags("Orders")
            .RequireAuthorization(Roles.Admin)
            .WithSummary("Payment routing decisions, newest first, of one order with ?orderId= (role admin)")
            .Produces<PaymentRouteResponse[]>();
    }

    private static ISalePaymentsGrain Payments(IClusterClient cluster) => cluster.GetGrain<ISalePaymentsGrain>(0);

    private static async Task<IResult> List(HttpContext context, IClusterClient cluster) =>
        Results.Ok((await Payments(cluster).Orders(context.ShopperId(), MaxOrders)).Select(OrderResponse.Of));

    private static async Task<IResult> One(string id, HttpContext context, IClusterClient cluster) =>
        Guid.TryParse(id, out var orderId) && await Payments(cluster).Order(orderId, context.ShopperId()) is { } order
            ? Results.Ok(OrderResponse.Of(order))
            : NotFound();

    private static async Task<IResult> Pay(string id, HttpContext context, IClusterClient cluster)
    {
        if (!Guid.TryParse(id, out var orderId))
        {
            return NotFound();
        }

        var start = await Payments(cluster).StartPayment(orderId, context.ShopperId(), context.ShopperTier());
        return start.Refusal switch
        {
            null => Results.Ok(OrderResponse.Of(start.Order!)),
            PaymentStart.OrderNotPending => Problem.Of(StatusCodes.Status409Conflict, PaymentStart.OrderNotPending,
                "The order no longer waits for payment: it was paid, or its deadline passed.",
                extensions: new Dictionary<string, object?>(StringComparer.Ordinal) { ["status"] = start.Order!.Status }),
            PaymentStart.PaymentUnavailable => Problem.Of(StatusCodes.Status503ServiceUnavailable, PaymentStart.PaymentUnavailable,
                "No payment channel can take this order right now; try again shortly."),
            _ => NotFound(),
        };
    }

    private static async Task<IResult> Refund(string id, HttpContext context, IClusterClient cluster)
    {
        if (!Guid.TryParse(id, out var orderId))
        {
            return NotFound();
        }

        var refund = await Payments(cluster).RefundOrder(orderId, context.ShopperId());
        return refund.Refusal switch
        {
            null => Results.Ok(OrderResponse.Of(refund.Order!)),
            PaymentStart.OrderNotPaid => Problem.Of(StatusCodes.Status409Conflict, PaymentStart.OrderNotPaid,
                "Only a paid order can be refunded; this one is not (or no longer) paid.",
                extensions: new Dictionary<string, object?>(StringComparer.Ordinal) { ["status"] = refund.Order?.Status }),
            PaymentStart.CouponUsed => Problem.Of(StatusCodes.Status409Conflict, PaymentStart.CouponUsed,
                "The coupon was used, spent from, given away or its secret revealed: it cannot be refunded."),
            _ => NotFound(),
        };
    }

    private static async Task<IResult> Routes(string? orderId, IClusterClient cluster)
    {
        Guid? order = null;
        if (orderId is not null)
        {
            if (!Guid.TryParse(orderId, out var parsed))
            {
                return Problem.Validation(new Dictionary<string, string[]>(StringComparer.Ordinal) { ["orderId"] = ["Not an order id."] });
            }

            order = parsed;
        }

        var routes = await Payments(cluster).Routes(order, MaxOrders);
        return Results.Ok(routes.Select(r => new PaymentRouteResponse(r.OrderId, r.DecidedAt, r.Channel, JsonDocument.Parse(r.Considered).RootElement)));
    }

    private static IResult NotFound() => Problem.Of(StatusCodes.Status404NotFound, PaymentStart.OrderNotFound, "No such order of yours.");
}

/// <summary>
/// One routing decision: the channel the order's payment went to (null: none took it), and each channel's
/// verdict (<c>chosen</c>, <c>not_tried</c>, <c>failed</c>, <c>breaker_open</c>, <c>refused</c>,
/// <c>amount_out_of_range</c>, <c>tier_not_allowed</c>, <c>disabled</c>) with its fee in fen.
/// </summary>
public sealed record PaymentRouteResponse(Guid OrderId, DateTimeOffset DecidedAt, string? Channel, JsonElement Considered);

/// <summary>An order of a paid sale. <paramref name="Amount"/> is in yuan, <paramref name="AmountFen"/> in fen.</summary>
/// <param name="CouponId">Once paid: the coupon it bought, in the wallet (the order's own id).</param>
public sealed record OrderResponse(
    Guid OrderId,
    Guid CampaignId,
    string? CampaignName,
    string Status,
    decimal Amount,
    long AmountFen,
    int Points,
    DateTimeOffset CreatedAt,
    DateTimeOffset Deadline,
    DateTimeOffset? PaidAt,
    string? Channel,
    string? PayUrl,
    Guid? CouponId)
{
    public static OrderResponse Of(SaleOrder order) => new(order.OrderId, order.CampaignId, order.CampaignName, order.Status, order.AmountFen / 100m,
        order.AmountFen, order.Points, order.CreatedAt, order.Deadline, order.PaidAt, order.Channel,
        order.Status == SaleOrder.PendingPayment ? order.PayUrl : null, order.Status == SaleOrder.Paid ? order.OrderId : null);
}
