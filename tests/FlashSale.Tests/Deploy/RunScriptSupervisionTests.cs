using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using FlashSale.FaultInjection.Cluster;
using FlashSale.Tests.Infrastructure;

namespace FlashSale.Tests.Deploy;

/// <summary>
/// deploy/run.sh as a user runs a local cluster, 2 silos and 2 API nodes on the Release build, with a data folder
/// and ports of its own: a silo and then an API node SIGKILLed are restarted on their ports while the other nodes
/// serve claims, no retry is issued a second coupon, and SIGTERM stops everything it started.
/// </summary>
[Trait("Tier", "EndToEnd")]
public sealed class RunScriptSupervisionTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Startup = TimeSpan.FromSeconds(90);

    /// <summary>How long a claim may keep hearing 503 (or nothing, from a killed API node) while the cluster notices.</summary>
    private static readonly TimeSpan Unavailable = TimeSpan.FromSeconds(30);

    private readonly List<(Guid Coupon, string Shopper, string Key)> _served = [];
    private int _claims;

    [Fact]
    public async Task A_killed_silo_and_api_node_are_restarted_on_their_ports_while_the_others_serve_and_SIGTERM_leaves_nothing()
    {
        Assert.True(Repo.Configuration == "Release", "run.sh starts the Release build: run the suite in Release (deploy/test.sh)");
        var data = Path.Combine(Repo.Data, $"test-run-{Guid.NewGuid():N}");
        var port = FreePortRun(10);
        var apis = new[] { new Uri($"http://127.0.0.1:{port + 7}"), new Uri($"http://127.0.0.1:{port + 8}") };
        var silo1 = new Uri($"http://127.0.0.1:{port + 6}");
        var run = ServiceProcess.StartScript("run.sh", ["--silos", "2", "--apis", "2"], new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["FLASHSALE_DATA"] = data,
            ["FLASHSALE_SKIP_BUILD"] = "1",
            ["FLASHSALE_PG_PORT"] = port.ToString(CultureInfo.InvariantCulture),
            ["FLASHSALE_SILO_PORT"] = (port + 1).ToString(CultureInfo.InvariantCulture),
            ["FLASHSALE_GATEWAY_PORT"] = (port + 3).ToString(CultureInfo.InvariantCulture),
            ["FLASHSALE_SILO_HTTP_PORT"] = (port + 5).ToString(CultureInfo.InvariantCulture),
            ["FLASHSALE_URL"] = apis[0].ToString().TrimEnd('/'),
            // Beside a cluster a developer runs: the payment sandbox on a port of the test's own too.
            ["FLASHSALE_SANDBOX_URL"] = $"http://127.0.0.1:{port + 9}",
        });
        var clock = Stopwatch.StartNew();
        var started = new List<ProcessTable.Entry>();
        try
        {
            await UntilSaidAsync(run, "FlashSale is running", Startup);
            output.WriteLine($"{clock.Elapsed.TotalSeconds:0.0} s: running");
            started.AddRange(ProcessTable.Descendants(run.Pid));
            var campaign = await CreateCampaignAsync(apis[0]);
            await ClaimAsync(apis[0], campaign);
            await ClaimAsync(apis[1], campaign);

            var silo = Kill(data, "silo-1");
            // Claims through both API nodes go on while the silo is away and once it is back.
            do
            {
                await ClaimAsync(apis[_claims % 2], campaign);
            }
            while (!await SaidAsync(run, "silo 1 is back"));

            Assert.False(run.HasExited);
            Assert.Contains($"silo 1 (pid {silo}) exited unexpectedly (killed by SIGKILL)", run.Output);
            Assert.Contains("restarting silo 1 on the same ports", run.Output);
            Assert.NotEqual(silo, Pid(data, "silo-1"));
            Assert.Equal(HttpStatusCode.OK, (await HealthProbe.ReadAsync(silo1, "/health/ready")).Status);
            output.WriteLine($"{clock.Elapsed.TotalSeconds:0.0} s: silo 1 back, {_claims} claims");

            var api = Kill(data, "api-1");
            do
            {
                await ClaimAsync(apis[0], campaign);
            }
            while (!await SaidAsync(run, "API node 1 is back"));

            Assert.False(run.HasExited);
            Assert.Contains($"API node 1 (pid {api}) exited unexpectedly (killed by SIGKILL)", run.Output);
            await ClaimAsync(apis[1], campaign);
            output.WriteLine($"{clock.Elapsed.TotalSeconds:0.0} s: API node 1 back, {_claims} claims");
            await AssertEachKeyHasOneCouponAsync(apis[0], campaign);

            started.AddRange(ProcessTable.Descendants(run.Pid));
            Assert.Equal(143, await run.TerminateAsync(TimeSpan.FromSeconds(60)));
            output.WriteLine($"{clock.Elapsed.TotalSeconds:0.0} s: stopped");

            Assert.DoesNotContain(started, ProcessTable.IsRunning);
            Assert.Empty(ProcessTable.WithEnvironment("FLASHSALE_DATA", data));
            Assert.Equal(3, await PostgresScript.StatusAsync(Repo.Root, Path.Combine(data, "postgres")));
            Assert.Empty(Directory.GetFiles(Path.Combine(data, "run")));
        }
        finally
        {
            output.WriteLine(run.RecentLog);
            await run.DisposeAsync();
            if (Directory.Exists(data))
            {
                await PostgresScript.RunAsync(Repo.Root, "stop", Path.Combine(data, "postgres"));
                Directory.Delete(data, recursive: true);
            }
        }
    }

    /// <summary>SIGKILLs the node by the pid run.sh wrote for it.</summary>
    private static int Kill(string data, string node)
    {
        var pid = Pid(data, node);
        using var process = Process.GetProcessById(pid);
        process.Kill();
        return pid;
    }

    private static int Pid(string data, string node) => int.Parse(File.ReadAllText(Path.Combine(data, "run", node + ".pid")), CultureInfo.InvariantCulture);

    /// <summary>
    /// A new shopper's claim, sent again with the same key while the answer is 503 or none came (a node is down),
    /// until it is served.
    /// </summary>
    private async Task ClaimAsync(Uri api, Guid campaign)
    {
        var shopper = $"run-sh-{Guid.NewGuid():N}";
        var key = $"key-{++_claims}";
        using var client = await ClientAsync(api, shopper, "shopper");
        var deadline = DateTime.UtcNow + Unavailable;
        while (true)
        {
            var answer = await TryClaimAsync(client, campaign, key);
            if (answer?.Status == HttpStatusCode.Created)
            {
                _served.Add((answer.CouponId, shopper, key));
                return;
            }

            Assert.True(answer is null || answer is { Status: HttpStatusCode.ServiceUnavailable, Code: "unavailable" }, $"claim answered {answer?.Status} {answer?.Code}");
            Assert.True(DateTime.UtcNow < deadline, $"claims through {api} were not served again within {Unavailable}");
            await Task.Delay(TimeSpan.FromMilliseconds(250));
        }
    }

    private static async Task<ClaimAnswer?> TryClaimAsync(HttpClient client, Guid campaign, string key)
    {
        try
        {
            return await client.ClaimAsync(campaign, key);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return null;
        }
    }

    /// <summary>Every served key, sent again, replays its coupon, and the campaign issued exactly one coupon per key.</summary>
    private async Task AssertEachKeyHasOneCouponAsync(Uri api, Guid campaign)
    {
        foreach (var (coupon, shopper, key) in _served)
        {
            using var client = await ClientAsync(api, shopper, "shopper");
            using var response = await client.SendAsync(Infrastructure.Api.ClaimRequest(campaign, key));
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            Assert.True(response.Headers.Contains("Idempotent-Replayed"));
            Assert.Equal(coupon, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("couponId").GetGuid());
        }

        using var anyone = new HttpClient { BaseAddress = api };
        var state = await anyone.GetFromJsonAsync<JsonElement>($"/api/campaigns/{campaign}");
        Assert.Equal(_served.Count, state.GetProperty("issued").GetInt32());
    }

    private static async Task<Guid> CreateCampaignAsync(Uri api)
    {
        using var client = await ClientAsync(api, "run-sh-marketer", "marketing");
        using var response = await client.PostAsJsonAsync("/api/campaigns", new
        {
            name = "run.sh supervision",
            coupon = new { kind = "fixed", currency = "CNY", amountOff = 5 },
            totalStock = 1000,
            perUserLimit = 1,
            startsAt = DateTimeOffset.UtcNow.AddMinutes(-1),
            endsAt = DateTimeOffset.UtcNow.AddHours(1),
            validity = new { days = 7 },
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static async Task<HttpClient> ClientAsync(Uri api, string userId, string role)
    {
        var client = new HttpClient { BaseAddress = api, Timeout = TimeSpan.FromSeconds(10) };
        using var response = await client.PostAsJsonAsync("/api/dev/tokens", new { userId, roles = new[] { role } });
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>Whether run.sh has said <paramref name="text"/>, after a moment's wait: claims in between stay few.</summary>
    private static async Task<bool> SaidAsync(ServiceProcess run, string text)
    {
        await Task.Delay(TimeSpan.FromMilliseconds(250));
        return run.Output.Contains(text);
    }

    private static Task UntilSaidAsync(ServiceProcess run, string text, TimeSpan within) =>
        run.WaitUntilAsync(() => Task.FromResult(run.Output.Contains(text)), within);

    /// <summary>The first of <paramref name="count"/> consecutive free loopback ports: run.sh numbers nodes' ports up from a base.</summary>
    private static int FreePortRun(int count)
    {
        while (true)
        {
            var first = Repo.FreePort();
            if (Enumerable.Range(first + 1, count - 1).All(IsFree))
            {
                return first;
            }
        }
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var probe = new TcpListener(IPAddress.Loopback, port);
            probe.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
