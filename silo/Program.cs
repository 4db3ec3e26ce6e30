using System.Net;
using FlashSale.Silo;
using FlashSale.Silo.Database;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;

// Settings files sit beside the binary, wherever the process is started from.
var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args, ContentRootPath = AppContext.BaseDirectory });
var connectionString = builder.Configuration.GetConnectionString("FlashSale")
    ?? throw new InvalidOperationException("Set ConnectionStrings:FlashSale (env ConnectionStrings__FlashSale).");
var orleans = builder.Configuration.GetSection("Orleans");

// Membership needs its tables before the silo joins, so the schema goes in first.
await SchemaInstaller.ApplyAsync(connectionString);

builder.UseOrleans(silo =>
{
    silo.Services.Configure<ClusterOptions>(orleans);
    // How soon a silo that stops answering is declared dead (ProbeTimeout, NumMissedProbesLimit, ...).
    silo.Services.Configure<ClusterMembershipOptions>(orleans.GetSection("Membership"));
    silo.UseAdoNetClustering(options =>
    {
        options.Invariant = FlashSaleSiloBuilder.AdoNetInvariant;
        options.ConnectionString = connectionString;
    });
    silo.ConfigureEndpoints(
        IPAddress.Parse(orleans["AdvertisedIPAddress"] ?? "127.0.0.1"),
        orleans.GetValue("SiloPort", 11111),
        orleans.GetValue("GatewayPort", 30000),
        listenOnAnyHostAddress: orleans.GetValue("ListenOnAnyHostAddress", false));
    silo.AddFlashSale(connectionString);
});

await builder.Build().RunAsync();
