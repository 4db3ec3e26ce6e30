using FlashSale.Grains.Ledger;
using FlashSale.Silo;
using Npgsql;
using Orleans.TestingHost;

namespace FlashSale.Tests.Infrastructure;

/// <summary>An Orleans in-process test cluster whose grains use the real test PostgreSQL.</summary>
public sealed class GrainCluster : IAsyncLifetime
{
    public InProcessTestCluster Cluster { get; private set; } = null!;
    public IClusterClient Client => Cluster.Client;
    public NpgsqlDataSource Database { get; private set; } = null!;

    /// <summary>Writes to the ledger as a second activation of a campaign grain would.</summary>
    public CouponLedger Ledger { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var connectionString = await TestDatabase.ConnectionStringAsync();
        Database = NpgsqlDataSource.Create(connectionString);
        Ledger = new CouponLedger(Database, Database);
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) => silo.AddFlashSale(connectionString));
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        await Cluster.DisposeAsync();
        await Database.DisposeAsync();
    }
}

[CollectionDefinition(nameof(GrainClusterCollection))]
public sealed class GrainClusterCollection : ICollectionFixture<GrainCluster>;

[CollectionDefinition(nameof(RunningSystemCollection))]
public sealed class RunningSystemCollection : ICollectionFixture<RunningSystem>;
