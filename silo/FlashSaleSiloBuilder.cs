using FlashSale.GrainInterfaces;
using FlashSale.GrainInterfaces.Audit;
using FlashSale.GrainInterfaces.Live;
using FlashSale.GrainInterfaces.Sales;
using FlashSale.Grains.Audit;
using FlashSale.Grains.Campaigns;
using FlashSale.Grains.Ledger;
using FlashSale.Grains.Live;
using FlashSale.Grains.Payments;
using FlashSale.Grains.Reminders;
using FlashSale.Grains.Risk;
using FlashSale.Grains.Sales;
using FlashSale.Grains.Sql;
using FlashSale.Grains.Wallet;
using FlashSale.Operations.Settings;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using Orleans.Hosting;

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
            options.ConnectionString = SiloConnections.Bounded(connectionString, SiloConnections.Orleans);
        });
        silo.UseAdoNetReminderService(options =>
        {
            options.Invariant = AdoNetInvariant;
            options.ConnectionString = SiloConnections.Bounded(connectionString, SiloConnections.Orleans);
        });
        silo.Services.AddSettings<ReminderPeriodOptions>(ReminderPeriodOptions.Section);
        silo.Services.AddOptions<ReminderOptions>().Configure<IOptions<ReminderPeriodOptions>>((orleans, ours) =>
            orleans.MinimumReminderPeriod = ours.Value.Period < orleans.MinimumReminderPeriod ? ours.Value.Period : orleans.MinimumReminderPeriod);
        // The ledger sends the same few statements all day: prepared once per connection, PostgreSQL
        // skips parsing and planning them on every group commit.
        var ledgerConnection = new NpgsqlConnectionStringBuilder(SiloConnections.Bounded(connectionString, SiloConnections.Ledger))
        {
            MaxAutoPrepare = 16,
            AutoPrepareMinUsages = 2,
        };
        silo.Services.AddSingleton(_ => NpgsqlDataSource.Create(ledgerConnection.ConnectionString));
        silo.Services.AddKeyedSingleton(CouponLedger.Lookups,
            (_, _) => NpgsqlDataSource.Create(SiloConnections.Bounded(connectionString, SiloConnections.Lookups)));
        silo.Services.AddSingleton<CouponLedger>();
        silo.Services.AddSingleton<IClaimWrites>(services => services.GetRequiredService<CouponLedger>());
        silo.Services.AddSingleton<LedgerWriter>();
        silo.Services.AddSingleton<ICampaignLedger, CampaignLedger>();
        silo.Services.AddSingleton<CampaignChangeLog>();
        silo.Services.AddSingleton<CampaignResultsStore>();
        silo.Services.AddSingleton<WalletStore>();
        silo.Services.AddSingleton<OrderBook>();
        silo.Services.AddSingleton<PointsStore>();
        silo.Services.AddSingleton<AlertStore>();
        silo.Services.AddSingleton<StockRecycler>();
        silo.Services.AddSettings<LiveAlertOptions>("LiveAlerts");
        silo.Services.AddSettings<LiveHubOptions>("LiveHub");
        silo.Services.AddSingleton(services => new InventoryBatches(services.GetRequiredService<IGrainFactory>().GetGrain<ILiveHubGrain>(0),
            services.GetRequiredService<TimeProvider>(), services.GetRequiredService<ILogger<InventoryBatches>>()));
        silo.Services.AddSingleton<CardSecretStore>();
        silo.Services.AddSingleton<CardSecretSeal>();
        silo.Services.AddSettings<CardSecretOptions>("CardSecrets");
        silo.Services.AddSettings<CouponExpiryOptions>("CouponExpiry");
        silo.Services.AddSingleton<BlocklistStore>();
        silo.Services.AddSingleton<RiskAuditStore>();
        silo.Services.AddSingleton<RiskRuleStore>();
        silo.Services.AddSingleton<RiskLinkStore>();
        silo.Services.AddSingleton<RiskAuditLog>();
        silo.Services.AddHostedService(services => services.GetRequiredService<RiskAuditLog>());
        silo.Services.AddSingleton<DurableRiskAudit>();
        silo.Services.AddHostedService(services => services.GetRequiredService<DurableRiskAudit>());
        silo.Services.AddSettings<RiskOptions>("Risk");
        silo.Services.AddSingleton<LimitCounterGrains>();
        // Paid sales: orders, their payments through the configured channels, their deadlines.
        silo.Services.AddPaymentGateways(silo.Configuration.GetSection("Payments"));
        silo.Services.AddSingleton<SaleStore>();
        silo.Services.AddSingleton<SalePayments>();
        silo.Services.AddSingleton<Reconciliation>();
        silo.AddStartupTask(JobStartup.Of("the daily reconciliation", grains => grains.GetGrain<IReconciliationJobGrain>(0).Start()));
        // The auditor of the books: one pass every few seconds over what changed (a fresh memory per activation).
        silo.Services.AddSettings<AuditOptions>(AuditOptions.Section);
        silo.Services.AddTransient<BooksAudit>();
        silo.AddStartupTask(JobStartup.Of("the auditor of the books", grains => grains.GetGrain<IBooksAuditorGrain>(0).Start()));
        silo.Services.AddSettings<SaleOptions>(SaleOptions.Section);
        silo.Services.AddSingleton(TimeProvider.System);
        silo.Services.AllowDatabaseExceptions();
        return silo;
    }
}
