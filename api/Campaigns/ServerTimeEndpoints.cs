namespace FlashSale.Api.Campaigns;

/// <summary>
/// <c>GET /api/time</c>: the server's clock, to the millisecond, so that countdowns to a campaign's
/// opening agree with the server that decides it rather than with the device's own clock.
/// </summary>
public static class ServerTimeEndpoints
{
    public sealed record ServerTimeResponse(DateTimeOffset Now);

    public static void MapServerTime(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/time", (TimeProvider clock) => Results.Ok(new ServerTimeResponse(clock.GetUtcNow())))
            .WithTags("Campaigns")
            .WithSummary("The server's time, for countdowns")
            .Produces<ServerTimeResponse>()
            .AllowAnonymous();
    }
}
