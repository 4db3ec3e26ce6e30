using FlashSale.Api;
using FlashSale.Api.Audit;
using FlashSale.Api.Campaigns;
using FlashSale.Api.Claims;
using FlashSale.Api.Cluster;
using FlashSale.Api.Dashboard;
using FlashSale.Api.Gates;
using FlashSale.Api.Health;
using FlashSale.Api.Identity;
using FlashSale.Api.Insights;
using FlashSale.Api.Live;
using FlashSale.Api.Problems;
using FlashSale.Api.Risk;
using FlashSale.Api.Risk.Rules;
using FlashSale.Api.Sales;
using FlashSale.Api.Wallet;
using FlashSale.Api.WebPages;
using FlashSale.Operations.Health;
using FlashSale.Operations.Metrics;
using FlashSale.Operations.Secrets;
using FlashSale.Operations.Settings;
using FlashSale.Operations.Tracing;
using Scalar.AspNetCore;

// Settings files sit beside the binary, wherever the process is started from.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
// Before anything reads them: outside Development, no key or connection string the repository publishes.
RepositorySecrets.RefuseOutsideDevelopment(builder.Configuration, builder.Environment, "Jwt:SigningKey", "Risk:Challenges:HmacKey", "ConnectionStrings:FlashSale");
var connectionString = builder.Configuration.ReadSettings<DatabaseSettings>(DatabaseSettings.Section).FlashSale;

builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = 64 * 1024);
builder.UseFlashSaleCluster(connectionString);
builder.Services.AddSingleton(TimeProvider.System);
// Fields a coupon kind does not use are left out rather than sent as null.
builder.Services.ConfigureHttpJsonOptions(json =>
    json.SerializerOptions.DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull);
builder.Services.AddFlashSaleProblems();
builder.Services.AddFlashSaleAuthentication();
builder.Services.AddClusterDashboardSessions(builder.Configuration);
builder.Services.AddFlashSaleOpenApi();
builder.Services.AddFlashSaleHealth(connectionString).AddReadyCheck<ClusterHealthCheck>("cluster");
builder.AddFlashSaleMetrics();
builder.AddFlashSaleTracing();
// How long SIGTERM waits for in-flight requests (claims among them) once Kestrel stops taking new ones.
builder.Services.AddFlashSaleShutdown();
builder.Services.AddSingleton<CampaignGrains>();
builder.Services.AddSingleton<UnknownCampaigns>();
builder.Services.AddSingleton<CampaignUnitsCache>();
builder.Services.AddSingleton<CampaignOwners>();
builder.Services.AddSingleton<LocalGates>();
builder.Services.AddSingleton<MissingHolders>();
builder.Services.AddSingleton<GateFetches>();
// One hub method at a time per connection (the default, relied on by Watching): a client cannot make a node work for it in parallel.
builder.Services.AddSignalR(hub => hub.MaximumParallelInvocationsPerClient = 1);
builder.Services.AddSettings<LiveHubSettings>(LiveHubSettings.Section);
builder.Services.AddSettings<ChangeDeadlineSettings>(ChangeDeadlineSettings.Section);
builder.Services.AddSingleton<CampaignExistence>();
builder.Services.AddSingleton<LiveFeed>();
builder.Services.AddHostedService<LiveSubscription>();
builder.Services.AddHostedService<ApiNodeHeartbeat>();
builder.Services.AddSingleton<LocalRefusals>();
builder.Services.AddHostedService(services => services.GetRequiredService<LocalRefusals>());
builder.Services.AddFlashSaleRisk();
builder.Services.AddWebPages();

var app = builder.Build();

// First, so that every later step sees the client's address as trusted proxies report it.
app.UseForwardedHeaders();
app.UseFlashSaleProblemLanguages();
app.UseExceptionHandler();
app.UseStatusCodePages();
// Before authentication and rate limits: the pages are public files; what they call is not.
app.UseWebPages();
app.UseAuthentication();
// After authentication, so that requests are limited per shopper as well as per address.
app.UseRateLimiter();
app.UseAuthorization();

app.MapOpenApi();
app.MapScalarApiReference();
app.MapFlashSaleHealth();
app.MapFlashSaleMetrics();
app.MapClusterDashboard();
app.MapClusterStatus();
if (app.Environment.IsDevelopment())
{
    app.MapDevTokens();
}

app.MapCampaigns();
app.MapCampaignControls();
app.MapCampaignEdits();
app.MapCampaignResults();
app.MapCampaignInsights();
app.MapServerTime();
app.MapClaims();
app.MapBlocks();
app.MapRiskDecisions();
app.MapRiskRules();
app.MapWallet();
app.MapCheckout();
app.MapPoints();
app.MapAlerts();
app.MapCardSecrets();
app.MapCouponHistory();
app.MapOrders();
app.MapPaymentNotifications();
app.MapReconciliations();
app.MapAudit();
app.MapPaymentChannels();
app.MapHub<LiveHub>("/hubs/live");

app.Run();
