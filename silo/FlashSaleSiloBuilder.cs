using FlashSale.GrainInterfaces;
using FlashSale.Grains.Campaigns;
using FlashSale.Grains.Ledger;
using FlashSale.Grains.Live;
using FlashSale.Grains.Wallet;
using FlashSale.Grains.Risk;
using FlashSale.Grains.Sql;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace FlashSale.Silo;

public static class FlashSaleSiloBuilder
{
    /// <summary>The invariant name under which Orleans' AdoNet providers find Npgsql.</summary>
    public const string AdoNetInvariant = "Npgsql";

    /// <summary>
    /// Everything a FlashSale silo needs besides its clustering: grain storage and reminders in
    /// PostgreSQL, and the coupon ledger. Shared by the silo host and the tests' in-process cluster.
    /// </summary>
    public static ISiloBuilder AddFlashSale(this ISiloBuilder silo, string connectionString)
    {
        SqlConventions.Apply();
        silo.AddAdoNetGrainStorage("campaigns", options =>
        {
            options.Invariant = AdoNetInvariant;
            options.ConnectionString = connectionString;
        });
        silo.UseAdoNetReminderService(options =>
        {
            options.Invariant = AdoNetInvariant;
            options.ConnectionString = connectionString;
        });
        // The ledger sends the same few statements all day: prepared once per connection, PostgreSQL
        // skips parsing and planning them on every group commit.
        var ledgerConnection = new NpgsqlConnectionStringBuilder(connectionString) { MaxAutoPrepare = 16, AutoPrepareMinUsages = 2 };
        silo.Services.AddSingleton(_ => NpgsqlDataSource.Create(ledgerConnection.ConnectionString));
        silo.Services.AddKeyedSingleton(CouponLedger.Lookups, (_, _) => NpgsqlDataSource.Create(connectionString));
        silo.Services.AddSingleton<CouponLedger>();
        silo.Services.AddSingleton<CampaignChangeLog>();
        silo.Services.AddSingleton<CampaignResultsStore>();
        silo.Services.AddSingleton<WalletStore>();
        silo.Services.AddSingleton<OrderBook>();
        silo.Services.AddSingleton<PointsStore>();
        silo.Services.AddSingleton<AlertStore>();
        silo.Services.AddSingleton<StockRecycler>();
        silo.Services.AddOptions<LiveAlertOptions>().BindConfiguration("LiveAlerts")
            .Validate(alerts => alerts.LowStockPercents.All(p => p is > 0 and < 100), "LiveAlerts:LowStockPercents must be between 1 and 99.")
            .ValidateOnStart();
        silo.Services.AddOptions<LiveHubOptions>().BindConfiguration("LiveHub")
            .Validate(hub => hub.NodeLifetime > TimeSpan.Zero, "LiveHub:NodeLifetime must be positive.")
            .ValidateOnStart();
        silo.Services.AddSingleton<CardSecretStore>();
        silo.Services.AddSingleton<CardSecretSeal>();
        silo.Services.AddOptions<CardSecretOptions>().BindConfiguration("CardSecrets");
        silo.Services.AddOptions<CouponExpiryOptions>().BindConfiguration("CouponExpiry")
            .Validate(reminders => reminders.PollEvery > TimeSpan.Zero, "CouponExpiry:PollEvery must be positive.")
            .ValidateOnStart();
        silo.Services.AddSingleton<BlocklistStore>();
        silo.Services.AddSingleton<RiskAuditStore>();
        silo.Services.AddSingleton<RiskAuditLog>();
        silo.Services.AddHostedService(services => services.GetRequiredService<RiskAuditLog>());
        silo.Services.AddOptions<RiskOptions>().BindConfiguration("Risk")
            .Validate(risk => risk.DailyClaimCap >= 1, "Risk:DailyClaimCap must be 1 or more.")
            .Validate(risk => risk.ReservationTimeout > TimeSpan.Zero, "Risk:ReservationTimeout must be positive.")
            .Validate(risk => TimeZoneInfo.TryFindSystemTimeZoneById(risk.TimeZone, out _), "Risk:TimeZone must be a known time zone id.")
            .ValidateOnStart();
        silo.Services.AddSingleton(TimeProvider.System);
        silo.Services.AllowDatabaseExceptions();
        return silo;
    }
}
