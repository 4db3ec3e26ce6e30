namespace FlashSale.PaymentSandbox;

/// <summary>/sandbox/stats, what the gateway saw per channel, and /sandbox/health, which answers even while channels are "down".</summary>
internal static class StatsEndpoints
{
    public static void MapStats(this IEndpointRouteBuilder app)
    {
        app.MapGet("/sandbox/stats", (PaymentChannels channels, Stats stats) =>
            Results.Json(new { channels = channels.All.ToDictionary(channel => channel.Name, channel => stats.For(channel).View(), StringComparer.Ordinal) }, SandboxJson.Controls));
        app.MapGet("/sandbox/health", () => Results.Text("ok"));
    }
}
