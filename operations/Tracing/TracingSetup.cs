using FlashSale.Operations.Settings;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Npgsql;
using OpenTelemetry.Trace;

namespace FlashSale.Operations.Tracing;

/// <summary>
/// OpenTelemetry traces of claims and every other request, from the API node's HTTP request through
/// its grain calls (Orleans carries the trace in each call's request context) to the PostgreSQL
/// commands, exported over OTLP. Off unless an OTLP endpoint is set with the exporter's standard
/// variables (<c>OTEL_EXPORTER_OTLP_ENDPOINT</c> or <c>OTEL_EXPORTER_OTLP_TRACES_ENDPOINT</c>, and
/// <c>OTEL_EXPORTER_OTLP_PROTOCOL</c>, <c>_HEADERS</c>, <c>OTEL_BSP_*</c>); while off, nothing listens
/// to the activity sources, so no span is even created.
/// </summary>
public static class TracingSetup
{
    /// <summary>FlashSale's own spans: the rounds of limit reservations and group commits that carry many callers' claims.</summary>
    public const string FlashSaleSource = "FlashSale";

    // Orleans' ActivitySources.ApplicationGrainActivitySourceName: calls to the application's grains, not the runtime's own.
    private const string OrleansApplicationSource = "Microsoft.Orleans.Application";

    private static readonly string[] EndpointSettings = ["OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "OTEL_EXPORTER_OTLP_ENDPOINT"];

    /// <summary>Whether traces are exported; the API node and the silo ask it before adding Orleans' activity propagation.</summary>
    public static bool IsEnabled(IConfiguration configuration) => EndpointSettings.Any(setting => !string.IsNullOrWhiteSpace(configuration[setting]));

    public static void AddFlashSaleTracing(this IHostApplicationBuilder builder)
    {
        if (!IsEnabled(builder.Configuration))
        {
            return;
        }

        // The exporter would fall back to its default endpoint on a value it cannot read, and send nowhere useful.
        foreach (var setting in EndpointSettings)
        {
            if (builder.Configuration[setting] is { Length: > 0 } endpoint
                && !(Uri.TryCreate(endpoint, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps)))
            {
                throw new OptionsValidationException(setting, typeof(Uri), [$"{setting}: '{endpoint}' is not an http:// or https:// URL."]);
            }
        }

        builder.Services.AddSettings<TracingSettings>(TracingSettings.Section);
        builder.Services.AddOpenTelemetry().WithTracing(tracing => tracing
            .AddSource(FlashSaleSource, OrleansApplicationSource)
            .AddAspNetCoreInstrumentation(aspnet => aspnet.Filter = context => !IsOperatorPath(context.Request.Path))
            .AddNpgsql()
            .SetSampler(services => new ParentBasedSampler(new RequestRootsSampler(services.GetRequiredService<IOptions<TracingSettings>>().Value.SampleRatio)))
            .AddOtlpExporter());
    }

    // Probes and scrapes arrive every few seconds from machines, not people: no trace of their own.
    private static bool IsOperatorPath(PathString path) => path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase) || path.StartsWithSegments("/metrics", StringComparison.OrdinalIgnoreCase);
}
