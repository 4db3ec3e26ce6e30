using FlashSale.GrainInterfaces;
using FlashSale.Operations.Settings;
using FlashSale.Operations.Tracing;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Dashboard;

namespace FlashSale.Api;

public static class OrleansClientSetup
{
    /// <summary>Joins the cluster as a client through PostgreSQL membership, like every silo.</summary>
    public static void UseFlashSaleCluster(this IHostApplicationBuilder builder, string connectionString)
    {
        var orleans = builder.Configuration.GetSection("Orleans");
        builder.UseOrleansClient(client =>
        {
            client.Services.Configure<ClusterOptions>(orleans);
            client.UseAdoNetClustering(options =>
            {
                options.Invariant = "Npgsql";
                options.ConnectionString = connectionString;
            });
            // Started before any silo, the node waits for the cluster instead of failing.
            client.UseConnectionRetryFilter<ClusterConnectRetry>();
            // A restarted silo comes back as a new gateway; notice it within seconds, not the default minute.
            client.Configure<GatewayOptions>(options => options.GatewayListRefreshPeriod = TimeSpan.FromSeconds(5));
            client.Services.AddSettings<GrainCallSettings>(GrainCallSettings.Section);
            client.Services.AddOptions<ClientMessagingOptions>()
                .Configure<IOptions<GrainCallSettings>>((messaging, calls) => messaging.ResponseTimeout = calls.Value.Timeout);
            client.Services.AllowDatabaseExceptions();
            // Serves the Orleans dashboard's pages from this node (see Dashboard/ClusterDashboard.cs).
            if (Dashboard.ClusterDashboard.IsEnabled(builder.Configuration))
            {
                client.AddDashboard();
            }

            // Grain calls carry the request's trace on into the silos (see operations/Tracing).
            if (TracingSetup.IsEnabled(builder.Configuration))
            {
                client.AddActivityPropagation();
            }
        });
    }
}
