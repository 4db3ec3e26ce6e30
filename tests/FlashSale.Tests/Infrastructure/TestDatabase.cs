using System.Globalization;
using FlashSale.FaultInjection.Cluster;
using FlashSale.Silo.Database;
using Npgsql;

namespace FlashSale.Tests.Infrastructure;

/// <summary>
/// One private PostgreSQL server for the whole test run, started through deploy/postgres.sh (so as
/// a non-root account) on a fresh data directory, with the schema applied, and stopped when the
/// test process exits. Tests keep apart by using fresh campaign and shopper ids.
/// </summary>
public static class TestDatabase
{
    private static readonly string DataDir = Path.Combine(Repo.Data, "test-postgres");
    private static readonly Lazy<Task<string>> Started = new(StartAsync);
    private static readonly Dictionary<string, Task<string>> OwnDatabases = new(StringComparer.Ordinal);

    public static Task<string> ConnectionStringAsync() => Started.Value;

    /// <summary>
    /// A database of its own on the same server, with the schema, for tests that read lists across
    /// campaigns and must not see every other test's.
    /// </summary>
    public static Task<string> ConnectionStringAsync(string database)
    {
        lock (OwnDatabases)
        {
            if (!OwnDatabases.TryGetValue(database, out var created))
            {
                OwnDatabases[database] = created = CreateAsync(database);
            }

            return created;
        }
    }

    private static async Task<string> CreateAsync(string database)
    {
        var connectionString = await EmptyDatabaseAsync(database);
        await SchemaMigrations.ApplyAsync(connectionString);
        return connectionString;
    }

    /// <summary>A database of its own on the same server, without the schema: for the migration and upgrade tests.</summary>
    public static async Task<string> EmptyDatabaseAsync(string database)
    {
        var port = new NpgsqlConnectionStringBuilder(await Started.Value).Port;
        return (await Script("start", DataDir, port.ToString(CultureInfo.InvariantCulture), database)).Trim();
    }

    public static async Task<NpgsqlDataSource> OpenAsync() => NpgsqlDataSource.Create(await ConnectionStringAsync());

    private static async Task<string> StartAsync()
    {
        await Script("stop", DataDir);
        if (Directory.Exists(DataDir))
        {
            Directory.Delete(DataDir, recursive: true);
        }

        var connectionString = (await Script("start", DataDir, Repo.FreePort().ToString(CultureInfo.InvariantCulture))).Trim();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Script("stop", DataDir).GetAwaiter().GetResult();
        await SchemaMigrations.ApplyAsync(connectionString);
        return connectionString;
    }

    /// <summary>Kills the server the hard way (as a crash would) and starts it again on the same data.</summary>
    public static async Task CrashAndRestartAsync()
    {
        var connectionString = await ConnectionStringAsync();
        var port = new NpgsqlConnectionStringBuilder(connectionString).Port;
        await Script("kill", DataDir);
        await Script("start", DataDir, port.ToString(CultureInfo.InvariantCulture));
    }

    private static Task<string> Script(params string[] args) => PostgresScript.RunAsync(Repo.Root, args);
}
