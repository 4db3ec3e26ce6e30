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
    private static readonly string DataDir = Path.Combine(Repo.Root, ".data", "test-postgres");
    private static readonly Lazy<Task<string>> Started = new(StartAsync);
    private static readonly Dictionary<string, Task<string>> OwnDatabases = new();

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
        var port = new NpgsqlConnectionStringBuilder(await Started.Value).Port;
        var connectionString = (await Script("start", DataDir, port.ToString(), database)).Trim();
        await SchemaInstaller.ApplyAsync(connectionString);
        return connectionString;
    }

    public static async Task<NpgsqlDataSource> OpenAsync() => NpgsqlDataSource.Create(await ConnectionStringAsync());

    private static async Task<string> StartAsync()
    {
        var connectionString = await StartServerAsync(DataDir, Repo.FreePort());
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Script("stop", DataDir).GetAwaiter().GetResult();
        await SchemaInstaller.ApplyAsync(connectionString);
        return connectionString;
    }

    /// <summary>
    /// A server of its own in <paramref name="dataDir"/> (fresh), for tests that take the database
    /// away from a running system without disturbing every other test's.
    /// </summary>
    public static async Task<string> StartServerAsync(string dataDir, int port)
    {
        await StopServerAsync(dataDir);
        if (Directory.Exists(dataDir))
        {
            Directory.Delete(dataDir, recursive: true);
        }

        return await RestartServerAsync(dataDir, port);
    }

    /// <summary>Starts the server of <paramref name="dataDir"/> again, on its data.</summary>
    public static async Task<string> RestartServerAsync(string dataDir, int port) => (await Script("start", dataDir, port.ToString())).Trim();

    public static Task StopServerAsync(string dataDir) => Script("stop", dataDir);

    /// <summary>Kills the server the hard way (as a crash would) and starts it again on the same data.</summary>
    public static async Task CrashAndRestartAsync()
    {
        var connectionString = await ConnectionStringAsync();
        var port = new NpgsqlConnectionStringBuilder(connectionString).Port;
        await Script("kill", DataDir);
        await Script("start", DataDir, port.ToString());
    }

    private static Task<string> Script(params string[] args) => PostgresScript.RunAsync(Repo.Root, args);
}
