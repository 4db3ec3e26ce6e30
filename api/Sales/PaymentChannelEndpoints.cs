using FlashSale.Api.Identity;
using FlashSale.Api.Problems;
using FlashSale.GrainInterfaces.Sales;

namespace FlashSale.Api.Sales;

/// <summary>The payment channels for admins: their health (circuit breakers), and a switch to take one out of routing.</summary>
public static class PaymentChannelEndpoints
{
    public static void MapPaymentChannels(this IEndpointRouteBuilder app)
    {
        var channels = app.MapGroup("/api/admin/payments/channels").WithTags("Orders").RequireAuthorization(Roles.Admin);
        channels.MapGet("", List)
            .WithSummary("Payment channels with their circuit breakers' state, as one silo sees them (role admin)")
            .Produces<PaymentChannelView[]>();
        channels.MapPost("/{channel}/isolate", (string channel, SwitchRequest? body, HttpContext context, IClusterClient cluster) =>
                Switch(channel, isolate: true, body, context, cluster))
            .WithSummary("Take a channel out of routing on every silo, until restored (role admin)")
            .Produces<PaymentChannelView[]>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        channels.MapPost("/{channel}/restore", (string channel, SwitchRequest? body, HttpContext context, IClusterClient cluster) =>
                Switch(channel, isolate: false, body, context, cluster))
            .WithSummary("Put an isolated channel back into routing (role admin)")
            .Produces<PaymentChannelView[]>()
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> List(IClusterClient cluster) => Results.Ok(await cluster.GetGrain<ISalePaymentsGrain>(0).Channels());

    private static async Task<IResult> Switch(string channel, bool isolate, SwitchRequest? body, HttpContext context, IClusterClient cluster)
    {
        var payments = cluster.GetGrain<ISalePaymentsGrain>(0);
        if (!await payments.SwitchChannel(channel, isolate, context.ShopperId(), body?.Reason))
        {
            return Problem.Of(StatusCodes.Status404NotFound, "unknown_channel", $"No payment channel is called '{channel}'.");
        }

        return Results.Ok(await payments.Channels());
    }
}

/// <summary>Why a channel is switched (kept with the switch).</summary>
public sealed record SwitchRequest(string? Reason);
