using FlashSale.Operations.Health;
using FlashSale.Operations.Metrics;
using FlashSale.Operations.Secrets;
using FlashSale.Operations.Settings;
using FlashSale.Operations.Tracing;
using FlashSale.Silo;
using FlashSale.Silo.Database;
using FlashSale.Silo.Health;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Dashboard;

// Settings files sit beside the binary, wherever the process is started from.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
// Before anything reads them: outside Development, no key or connection string the repository publishes.
RepositorySecrets.RefuseOutsideDevelopment(builder.Configuration, builder.Environment, "CardSecrets:Key", "ConnectionStrings:FlashSale");
// The silo serves HTTP only for operators: health probes and metrics. Set in code rather than in
// appsettings.json, where it would override ASPNETCORE_URLS and containers' ASPNETCORE_HTTP_PORTS.
if (builder.Configuration["urls"] is null && builder.Configuration["http_ports"] is null)
{
    builder.WebHost.UseUrls("http://127.0.0.1:11180");
}

var connectionString = builder.Configuration.ReadSettings<DatabaseSettings>(DatabaseSettings.Section).FlashSale;
var orleans = builder.Configuration.GetSection("Orleans");

// First, before Orleans and the health endpoints start.
builder.Services.AddHostedService(services =>
    new SchemaMigrationService(connectionString, services.GetRequiredService<ILogger<SchemaMigrationService>>()));

// How long SIGTERM waits for the silo to leave the cluster, its grains to deactivate (committing
// their pending claims) and its HTTP requests to finish.
builder.Services.AddFlashSaleShutdown();
builder.AddFlashSaleMetrics();
builder.AddFlashSaleTracing();
builder.Services.AddFlashSaleHealth(connectionString).AddReadyCheck<SiloMembershipHealthCheck>("cluster");

builder.UseOrleans(silo =>
{
    silo.Services.Configure<ClusterOptions>(orleans);
    // How soon a silo that stops answering is declared dead (ProbeTimeout, NumMissedProbesLimit, ...).
    silo.Services.Configure<ClusterMembershipOptions>(orleans.GetSection("Membership"));
    silo.UseAdoNetClustering(options =>
    {
        options.Invariant = FlashSaleSiloBuilder.AdoNetInvariant;
        options.ConnectionString = SiloConnections.Bounded(connectionString, SiloConnections.Orleans);
    });
    silo.Services.AddSettings<SiloEndpointSettings>(SiloEndpointSettings.Section);
    silo.Services.AddOptions<EndpointOptions>().Configure<IOptions<SiloEndpointSettings>>((endpoints, settings) => settings.Value.ApplyTo(endpoints));
    silo.AddFlashSale(connectionString);
    // Collects what the Orleans dashboard shows; API nodes serve its pages to admins. Its call
    // filter and collectors cost some CPU on every grain call: Dashboard__Enabled=false (on API
    // nodes too) turns it off.
    if (builder.Configuration.ReadSettings<DashboardSettings>(DashboardSettings.Section).Enabled)
    {
        silo.AddDashboard();
    }

    // Grain calls carry the caller's trace, so that a claim's trace goes on from the API node into its grains.
    if (TracingSetup.IsEnabled(builder.Configuration))
    {
        silo.AddActivityPropagation();
    }
});

var app = builder.Build();
app.MapFlashSaleHealth();
app.MapFlashSaleMetrics();
await app.RunAsync();
