using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using Npgsql;

namespace FlashSale.Tests.Infrastructure;

/// <summary>
/// The whole system as users run it: a silo process and an API process (Development environment)
/// on the test PostgreSQL, reached over real HTTP on loopback. Each instance is its own Orleans
/// cluster, so a test class that kills its silo disturbs no other.
/// </summary>
public class RunningSystem : IAsyncLifetime
{
    private readonly int _siloPort = Repo.FreePort();
    private readonly int _gatewayPort = Repo.FreePort();
    private readonly int _apiPort = Repo.FreePort();
    private readonly int _siloHttpPort = Repo.FreePort();
    private readonly Dictionary<string, string> _tokens = new(StringComparer.Ordinal);
    private string _connectionString = "";

    public ServiceProcess Silo { get; private set; } = null!;
    public ServiceProcess Api { get; private set; } = null!;
    public Uri BaseAddress => new($"http://127.0.0.1:{_apiPort}");

    /// <summary>The silo's own HTTP endpoint: health probes and metrics.</summary>
    public Uri SiloAddress => new($"http://127.0.0.1:{_siloHttpPort}");
    public NpgsqlDataSource Database { get; private set; } = null!;

    public virtual async Task InitializeAsync()
    {
        _connectionString = await DatabaseAsync();
        Database = NpgsqlDataSource.Create(_connectionString);
        // The silo first: on a fresh database it installs the schema, and an API node reading the membership
        // queries between two of its migrations fails its start (Orleans' AdoNet clustering, not retried).
        await StartSiloAsync();
        Api = await StartApiAsync(BaseAddress);
    }

    /// <summary>
    /// Starts an API node of this cluster at <paramref name="address"/>; the system's own is started
    /// at <see cref="BaseAddress"/>, and a test that wants more nodes starts them here and disposes them.
    /// </summary>
    public async Task<ServiceProcess> StartApiAsync(Uri address)
    {
        var environment = new Dictionary<string, string>(CommonEnvironment(), StringComparer.Ordinal)
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["ASPNETCORE_URLS"] = address.ToString(),
        };
        foreach (var (name, value) in ApiSettings)
        {
            environment[name] = value;
        }

        var api = ServiceProcess.Start("api", Repo.Binary("api", "FlashSale.Api.dll"), environment);
        using var probe = new HttpClient { BaseAddress = address };
        await api.WaitUntilAsync(async () => (await probe.GetAsync("/health/live")).IsSuccessStatusCode, TimeSpan.FromSeconds(60));
        return api;
    }

    /// <summary>Starts the system's own API node again, after a test killed it.</summary>
    public async Task RestartApiAsync() => Api = await StartApiAsync(BaseAddress);

    /// <summary>Starts again whichever of the silo and the API node has exited (a test killed or stopped it).</summary>
    public async Task EnsureRunningAsync()
    {
        if (Silo.HasExited)
        {
            await StartSiloAsync();
        }

        if (Api.HasExited)
        {
            await RestartApiAsync();
        }
    }

    /// <summary>
    /// Settings for the API process beyond the common ones. The edge rate limits are off: the tests
    /// send bursts from one address and one shopper on purpose; the rate-limit tests turn them on.
    /// </summary>
    protected virtual IReadOnlyDictionary<string, string> ApiSettings { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["RateLimits__PerAddress__PermitsPerSecond"] = "0",
        ["RateLimits__PerShopper__PermitsPerSecond"] = "0",
        // Wide enough that a claim right after a campaign's creation counts as "at the opening".
        ["Risk__InstantClaimWindow"] = "00:00:05",
        // On here (off by default): an escalated fingerprint's accounts are blocked wherever they go next.
        ["Risk__Escalation__BlockLinkedAccounts"] = "true",
    };

    /// <summary>Settings for the silo and the API process alike, beyond the common ones.</summary>
    protected virtual IReadOnlyDictionary<string, string> SharedSettings { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>
    /// The cluster's and service's id: a fresh one by default, so that systems on one database never
    /// meet; a system started on data another deployment wrote takes that deployment's, under
    /// which Orleans filed its grain state and reminders.
    /// </summary>
    protected virtual string ClusterId { get; } = "test-" + Guid.NewGuid().ToString("N")[..12];

    /// <summary>A database of its own (see <see cref="TestDatabase.ConnectionStringAsync(string)"/>); null: the shared one.</summary>
    protected virtual string? OwnDatabase => null;

    /// <summary>The connection string the system runs on; a system may bring a server of its own.</summary>
    protected virtual Task<string> DatabaseAsync() =>
        OwnDatabase is { } name ? TestDatabase.ConnectionStringAsync(name) : TestDatabase.ConnectionStringAsync();

    public async Task StartSiloAsync()
    {
        Silo = ServiceProcess.Start("silo", Repo.Binary("silo", "FlashSale.Silo.dll"), new Dictionary<string, string>(CommonEnvironment(), StringComparer.Ordinal)
        {
            ["DOTNET_ENVIRONMENT"] = "Development",
            ["ASPNETCORE_URLS"] = SiloAddress.ToString(),
            ["Orleans__SiloPort"] = _siloPort.ToString(CultureInfo.InvariantCulture),
            ["Orleans__GatewayPort"] = _gatewayPort.ToString(CultureInfo.InvariantCulture),
        });
        // Ready: active in the cluster, its gateway open, PostgreSQL answering, and its HTTP endpoint (started last) up.
        using var probe = new HttpClient { BaseAddress = SiloAddress };
        await Silo.WaitUntilAsync(async () => (await probe.GetAsync("/health/ready")).IsSuccessStatusCode, TimeSpan.FromSeconds(60));
    }

    /// <summary>A client whose connections come from <paramref name="source"/> (any 127.x.y.z address works on loopback).</summary>
    public HttpClient Client(string? token = null, int maxConnections = 64, string? source = null)
    {
        var handler = new SocketsHttpHandler { MaxConnectionsPerServer = maxConnections };
        if (source is not null)
        {
            handler.ConnectCallback = async (context, cancellationToken) =>
            {
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    socket.Bind(new System.Net.IPEndPoint(System.Net.IPAddress.Parse(source), 0));
                    await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            };
        }

        var client = new HttpClient(handler)
        {
            BaseAddress = BaseAddress,
            Timeout = TimeSpan.FromSeconds(60),
        };
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }

    /// <summary>A token from the Development-only minting endpoint, cached per user and roles.</summary>
    public Task<string> TokenAsync(string userId, params string[] roles) => TokenForAsync(userId, null, roles);

    /// <summary>A token of a marketing or merchant user working for <paramref name="merchant"/> (tenancy).</summary>
    public Task<string> MerchantTokenAsync(string userId, string merchant, params string[] roles) => TokenForAsync(userId, merchant, roles);

    private async Task<string> TokenForAsync(string userId, string? merchant, string[] roles)
    {
        var cacheKey = userId + "|" + merchant + "|" + string.Join(',', roles);
        lock (_tokens)
        {
            if (_tokens.TryGetValue(cacheKey, out var cached))
            {
                return cached;
            }
        }

        using var client = Client();
        var response = await client.PostAsJsonAsync("/api/dev/tokens", new { userId, roles, merchant });
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<TokenBody>())!.Token;
        lock (_tokens)
        {
            _tokens[cacheKey] = token;
        }

        return token;
    }

    public virtual async Task DisposeAsync()
    {
        if (Api is not null)
        {
            await Api.DisposeAsync();
        }

        if (Silo is not null)
        {
            await Silo.DisposeAsync();
        }

        if (Database is not null)
        {
            await Database.DisposeAsync();
        }
    }

    private Dictionary<string, string> CommonEnvironment()
    {
        var environment = new Dictionary<string, string>(SharedSettings, StringComparer.Ordinal)
        {
            ["ConnectionStrings__FlashSale"] = _connectionString,
            ["Orleans__ClusterId"] = ClusterId,
            ["Orleans__ServiceId"] = ClusterId,
            ["Logging__LogLevel__Default"] = "Warning",
        };
        return environment;
    }

    private sealed record TokenBody(string Token);
}
