using System.Collections.Concurrent;
using System.Net;
using FlashSale.Tests.Infrastructure;

namespace FlashSale.Tests.Operations;

/// <summary>
/// A flood of readiness probes on a healthy system: whoever can reach <c>/health/ready</c> must not
/// be able to make a healthy node look down (and be taken out of service). On the crash system, brought back up first.
/// </summary>
[Trait("Tier", "EndToEnd")]
[Collection(CrashSystem.Name)]
public sealed class HealthFloodTests(RunningSystem system) : CrashSystemTests
{
    protected override RunningSystem TestSystem => system;

    private const int Requests = 5000;
    private const int Concurrency = 1000;

    [Fact]
    public async Task Thousands_of_concurrent_readiness_probes_all_find_the_healthy_api_node_and_silo_ready()
    {
        foreach (var address in new[] { system.BaseAddress, system.SiloAddress })
        {
            await HealthProbe.UntilAsync(address, "/health/ready", HttpStatusCode.OK);
            var answers = await FloodAsync(address);
            Assert.True(answers.Keys.SequenceEqual([HttpStatusCode.OK]),
                $"{address}: {string.Join(", ", answers.Select(a => $"{(int)a.Key} × {a.Value}"))}");
            Assert.Equal(Requests, answers[HttpStatusCode.OK]);

            // And the node still answers a single probe as before.
            var after = await HealthProbe.ReadAsync(address, "/health/ready");
            Assert.Equal(new Dictionary<string, string>(StringComparer.Ordinal) { ["database"] = "Healthy", ["cluster"] = "Healthy" }, after.Checks);
        }
    }

    /// <summary><see cref="Requests"/> probes from <see cref="Concurrency"/> tasks at once, each on its own connection; the answers by status.</summary>
    private static async Task<IReadOnlyDictionary<HttpStatusCode, int>> FloodAsync(Uri address)
    {
        using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = Concurrency })
        {
            BaseAddress = address,
            Timeout = TimeSpan.FromSeconds(60),
        };
        var answers = new ConcurrentDictionary<HttpStatusCode, int>();
        var left = Requests;
        await Task.WhenAll(Enumerable.Range(0, Concurrency).Select(_ => Task.Run(async () =>
        {
            while (Interlocked.Decrement(ref left) >= 0)
            {
                using var response = await client.GetAsync("/health/ready");
                answers.AddOrUpdate(response.StatusCode, 1, (_, n) => n + 1);
            }
        })));
        return answers;
    }
}
