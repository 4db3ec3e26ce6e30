using System.Net;
using FlashSale.FaultInjection.Cluster;
using FlashSale.Tests.Infrastructure;

namespace FlashSale.Tests.Operations;

/// <summary>
/// PostgreSQL crashed (immediate stop) under a running silo and API node: both stop being ready and stay live, and
/// are ready again once it is back. The system runs on a server of its own, so no other test loses its database.
/// </summary>
[Trait("Tier", "EndToEnd")]
public sealed class DatabaseOutageTests(DatabaseOutageTests.OwnServerSystem system) : IClassFixture<DatabaseOutageTests.OwnServerSystem>
{
    [Fact]
    public async Task Both_processes_are_unready_while_the_database_is_down_stay_live_and_recover_with_it()
    {
        var nodes = new[] { system.BaseAddress, system.SiloAddress };
        foreach (var node in nodes)
        {
            await HealthProbe.UntilAsync(node, "/health/ready", HttpStatusCode.OK);
        }

        await system.StopDatabaseAsync();
        foreach (var node in nodes)
        {
            // Each check's answer is shared by concurrent probes for a second: another check may turn the node unready first.
            var down = await Eventually.ReturnsAsync(() => HealthProbe.ReadAsync(node, "/health/ready"),
                r => r.Checks.GetValueOrDefault("database") == "Unhealthy");
            Assert.Equal((HttpStatusCode.ServiceUnavailable, "Unhealthy"), (down.Status, down.Checks["database"]));
            Assert.Equal(HttpStatusCode.OK, (await HealthProbe.ReadAsync(node, "/health/live")).Status);
        }

        await system.StartDatabaseAsync();
        foreach (var node in nodes)
        {
            var back = await HealthProbe.UntilAsync(node, "/health/ready", HttpStatusCode.OK);
            Assert.Equal((HttpStatusCode.OK, "Healthy"), (back.Status, back.Checks["database"]));
        }
    }

    public sealed class OwnServerSystem : RunningSystem
    {
        private readonly PrivatePostgres _server = new(Repo.Root, Path.Combine(Repo.Data, $"test-postgres-outage-{Guid.NewGuid():N}"), Repo.FreePort())
        {
            DiscardOnDispose = true,
        };

        protected override async Task<string> DatabaseAsync()
        {
            await _server.StartAsync();
            return _server.ConnectionString;
        }

        public Task StopDatabaseAsync() => _server.CrashAsync();

        public Task StartDatabaseAsync() => _server.StartAsync();

        public override async Task DisposeAsync()
        {
            await base.DisposeAsync();
            await _server.DisposeAsync();
        }
    }
}
