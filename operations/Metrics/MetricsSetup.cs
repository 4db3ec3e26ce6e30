using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

namespace FlashSale.Operations.Metrics;

/// <summary>
/// OpenTelemetry metrics, pulled by Prometheus from <c>/metrics</c>: FlashSale's own meter, Orleans',
/// ASP.NET Core's, the .NET runtime's and Npgsql's. Instruments record only while a listener is on,
/// and the exporter aggregates in memory between scrapes.
/// </summary>
public static class MetricsSetup
{
    /// <summary>The meter of FlashSale's own instruments, in the API (claims) and the silo (group commits).</summary>
    public const string FlashSaleMeter = "FlashSale";

    private static readonly string[] Meters =
    [
        FlashSaleMeter,
        "Microsoft.Orleans",
        "Microsoft.AspNetCore.Hosting",
        "Microsoft.AspNetCore.Server.Kestrel",
        "Microsoft.AspNetCore.Http.Connections",
        "Microsoft.AspNetCore.RateLimiting",
        "System.Runtime",
        "Npgsql",
    ];

    // Orleans records these two histograms on every message sent or received, with tags: the only
    // per-message cost its meter adds, for figures nobody needs to watch. Dropped, they stay unrecorded.
    private static readonly HashSet<string> PerMessageInstruments =
        ["orleans-messaging-sent-messages-size", "orleans-messaging-received-messages-size"];

    public static void AddFlashSaleMetrics(this IHostApplicationBuilder builder) =>
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(builder.Environment.ApplicationName))
            .WithMetrics(metrics => metrics
                .AddMeter(Meters)
                .AddView(instrument => PerMessageInstruments.Contains(instrument.Name) ? MetricStreamConfiguration.Drop : null)
                .AddPrometheusExporter());

    public static void MapFlashSaleMetrics(this IEndpointRouteBuilder app) =>
        app.MapPrometheusScrapingEndpoint("/metrics").DisableRateLimiting();
}
