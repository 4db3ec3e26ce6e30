using System.Globalization;
using System.Net;
using FlashSale.FaultInjection.Network;
using Npgsql;

namespace FlashSale.FaultInjection.Cluster;

/// <summary>
/// A FlashSale cluster on loopback, as production runs one: its own PostgreSQL, N silos on PostgreSQL
/// membership, M API nodes (Development environment, so tokens can be signed with the dev key), each
/// its own process with its own log under the run's folder. Given a <see cref="NetworkLab"/> (a partition run), each
/// node runs in a network namespace of its own: PostgreSQL on the database network, silos on the cluster and database
/// networks, API nodes on all three (the load reaches them on the front one).
/// </summary>
public sealed class LocalCluster : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    private readonly List<SiloNode> _silos = [];
    private readonly List<NodeProcess> _apis = [];

    private LocalCluster(PrivatePostgres database, string runFolder, NetworkLab? network)
    {
        Database = database;
        RunFolder = runFolder;
        Network = network;
    }

    public PrivatePostgres Database { get; }

    /// <summary>The run's network namespaces; null when every node is on loopback.</summary>
    public NetworkLab? Network { get; }

    /// <summary>The API nodes' namespaces, in the order of <see cref="ApiAddresses"/> (a partition run only).</summary>
    public List<LabNode> ApiNetworks { get; } = [];
    public string RunFolder { get; }
    public IReadOnlyList<SiloNode> Silos => _silos;

    /// <summary>Every silo and API node process.</summary>
    public IEnumerable<NodeProcess> Nodes => [.. _silos.Select(s => s.Process), .. _apis];
    public List<Uri> ApiAddresses { get; } = [];

    public static async Task<LocalCluster> StartAsync(string repoRoot, int silos, int apis, TimeSpan membershipProbeTimeout, NetworkLab? network = null)
    {
        var runFolder = Path.Combine(TestData.Root(repoRoot), "fault-injection", DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture));
        Directory.CreateDirectory(runFolder);
        var databaseNode = network is null ? null : await network.AddNodeAsync("pg", 2, NetworkLink.Database);
        var cluster = new LocalCluster(new PrivatePostgres(repoRoot, Path.Combine(runFolder, "postgres"), LoopbackPorts.Free(), databaseNode), runFolder, network);
        try
        {
            await cluster.Database.StartAsync();
            var common = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["ConnectionStrings__FlashSale"] = cluster.Database.ConnectionString,
                ["Orleans__ClusterId"] = "faults-" + Guid.NewGuid().ToString("N")[..8],
            };
            for (var i = 0; i < silos; i++)
            {
                var node = network is null ? null : await network.AddNodeAsync($"s{i}", 10 + i, NetworkLink.Cluster, NetworkLink.Database);
                cluster._silos.Add(cluster.Silo(repoRoot, i, common, membershipProbeTimeout, node));
            }

            for (var j = 0; network is not null && j < apis; j++)
            {
                cluster.ApiNetworks.Add(await network.AddNodeAsync($"a{j}", 30 + j, NetworkLink.Front, NetworkLink.Cluster, NetworkLink.Database));
            }


            // The first alone: it installs the schema the others' membership needs. Then the rest at once.
            await cluster.StartSiloAsync(cluster._silos[0]);
            await Task.WhenAll(cluster._silos.Skip(1).Select(cluster.StartSiloAsync));
            cluster.ApiAddresses.AddRange(await Task.WhenAll(Enumerable.Range(0, apis).Select(j => cluster.StartApiAsync(repoRoot, j, common))));

            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    public async Task StartSiloAsync(SiloNode silo)
    {
        silo.Process.Start();
        await WaitUntilAsync(silo.Process, () => LoopbackPorts.ListeningAsync(IPAddress.Parse(silo.Address), silo.GatewayPort));
    }

    /// <summary>The silo's latest membership row's status (a restarted silo gets a new generation, a new row).</summary>
    public async Task<MembershipStatus> StatusAsync(SiloNode silo)
    {
        await using var connection = new NpgsqlConnection(Database.ConnectionString);
        await connection.OpenAsync();
        await using var query = new NpgsqlCommand(
            "SELECT status FROM orleans_membership WHERE port = $1 ORDER BY generation DESC LIMIT 1", connection);
        query.Parameters.Add(new NpgsqlParameter { Value = silo.SiloPort });
        return await query.ExecuteScalarAsync() is int status ? (MembershipStatus)status : MembershipStatus.Unknown;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var api in _apis)
        {
            await api.DisposeAsync();
        }

        foreach (var silo in _silos)
        {
            await silo.Process.DisposeAsync();
        }

        await Database.DisposeAsync();
    }

    private SiloNode Silo(string repoRoot, int index, Dictionary<string, string> common, TimeSpan probeTimeout, LabNode? network)
    {
        var siloPort = LoopbackPorts.Free();
        var gatewayPort = LoopbackPorts.Free();
        var address = network?.Addresses[NetworkLink.Cluster] ?? "127.0.0.1";
        var environment = new Dictionary<string, string>(common, StringComparer.Ordinal)
        {
            ["DOTNET_ENVIRONMENT"] = "Development",
            ["Orleans__SiloPort"] = siloPort.ToString(CultureInfo.InvariantCulture),
            ["Orleans__GatewayPort"] = gatewayPort.ToString(CultureInfo.InvariantCulture),
            ["Orleans__AdvertisedIPAddress"] = address,
            ["Orleans__ListenOnAnyHostAddress"] = network is null ? "false" : "true",
            ["ASPNETCORE_URLS"] = $"http://{address}:{LoopbackPorts.Free()}",
            // A frozen silo is declared dead after about two missed probes, so a run need not wait Orleans' default half minute.
            ["Orleans__Membership__ProbeTimeout"] = probeTimeout.ToString("c"),
            ["Orleans__Membership__NumMissedProbesLimit"] = "2",
            // A silo learns it was declared dead when it next reads the membership table (by default a minute).
            ["Orleans__Membership__TableRefreshTimeout"] = "00:00:05",
        };
        var process = new NodeProcess($"silo {index}", Binary(repoRoot, "silo", "FlashSale.Silo.dll"), environment,
            Path.Combine(RunFolder, $"silo-{index}.log"), network?.Namespace);
        return new SiloNode(index, process, siloPort, gatewayPort, address, network);
    }

    private async Task<Uri> StartApiAsync(string repoRoot, int index, Dictionary<string, string> common)
    {
        var network = Network is null ? null : ApiNetworks[index];
        var address = new Uri($"http://{network?.Addresses[NetworkLink.Front] ?? "127.0.0.1"}:{LoopbackPorts.Free()}");
        var environment = new Dictionary<string, string>(common, StringComparer.Ordinal)
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["ASPNETCORE_URLS"] = address.ToString(),
            // One address sends the whole load: the per-address and per-shopper edge limits would refuse most of it.
            ["RateLimits__PerAddress__PermitsPerSecond"] = "0",
            ["RateLimits__PerShopper__PermitsPerSecond"] = "0",
        };
        var api = new NodeProcess($"API node {index}", Binary(repoRoot, "api", "FlashSale.Api.dll"), environment,
            Path.Combine(RunFolder, $"api-{index}.log"), network?.Namespace);
        lock (_apis)
        {
            _apis.Add(api);
        }

        api.Start();
        using var probe = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(2) };
        await WaitUntilAsync(api, async () =>
        {
            try
            {
                return (await probe.GetAsync("/health/live")).IsSuccessStatusCode;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                return false;
            }
        });
        return address;
    }

    private static string Binary(string repoRoot, string project, string assembly)
    {
        var configuration = Path.GetFileName(Path.GetDirectoryName(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)))!;
        return Path.Combine(repoRoot, project, "bin", configuration, "net10.0", assembly);
    }

    private static async Task WaitUntilAsync(NodeProcess node, Func<Task<bool>> ready)
    {
        var deadline = DateTime.UtcNow + StartTimeout;
        while (!await ready())
        {
            if (node.HasExited)
            {
                throw new InvalidOperationException($"{node.Name} exited while starting; see its log");
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{node.Name} was not ready within {StartTimeout}");
            }

            await Task.Delay(200);
        }
    }
}
