using System.Globalization;

namespace FlashSale.FaultInjection.Cluster;

/// <summary>
/// A PostgreSQL server of the run's own, through deploy/postgres.sh (so as a non-root account): a
/// fault that stops it must not touch any other server on the machine. In a partition run it runs in its own
/// network namespace (<paramref name="network"/>), listening on its address on the database network.
/// </summary>
public sealed class PrivatePostgres(string repoRoot, string dataDir, int port, Network.LabNode? network = null) : IAsyncDisposable
{
    public string ConnectionString { get; private set; } = "";

    public Network.LabNode? Network => network;

    public async Task StartAsync() =>
        ConnectionString = (await PostgresScript.RunInAsync(repoRoot, network, "start", dataDir, port.ToString(CultureInfo.InvariantCulture))).Trim();

    /// <summary>Immediate shutdown: every backend dies at once and nothing is checkpointed, as in a crash.</summary>
    public Task CrashAsync() => ScriptAsync("kill", dataDir);

    /// <summary>Set once the ledger has been checked and passed: nothing in it is needed any more.</summary>
    public bool DiscardOnDispose { get; set; }

    public async ValueTask DisposeAsync()
    {
        await ScriptAsync("stop", dataDir);
        if (DiscardOnDispose)
        {
            Directory.Delete(dataDir, recursive: true);
        }
    }

    private Task<string> ScriptAsync(params string[] args) => PostgresScript.RunAsync(repoRoot, args);
}
