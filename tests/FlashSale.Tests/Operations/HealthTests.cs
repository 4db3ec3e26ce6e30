using System.Net;
using FlashSale.Tests.Infrastructure;

namespace FlashSale.Tests.Operations;

/// <summary>The API node's and the silo's probes over real HTTP, with the silo SIGKILLed and started again (on the crash system).</summary>
[Trait("Tier", "EndToEnd")]
[Collection(CrashSystem.Name)]
public sealed class HealthTests(RunningSystem system) : CrashSystemTests
{
    protected override RunningSystem TestSystem => system;

    [Fact]
    public async Task Ready_reports_the_database_and_the_cluster_on_both_processes_and_live_checks_nothing()
    {
        foreach (var address in new[] { system.BaseAddress, system.SiloAddress })
        {
            var ready = await HealthProbe.UntilAsync(address, "/health/ready", HttpStatusCode.OK);
            Assert.Equal(HttpStatusCode.OK, ready.Status);
            Assert.Equal("Healthy", ready.Overall);
            Assert.Equal(new Dictionary<string, string>(StringComparer.Ordinal) { ["database"] = "Healthy", ["cluster"] = "Healthy" }, ready.Checks);

            var live = await HealthProbe.ReadAsync(address, "/health/live");
            Assert.Equal((HttpStatusCode.OK, "Healthy"), (live.Status, live.Overall));
            Assert.Empty(live.Checks);
        }
    }

    [Fact]
    public async Task The_api_node_is_not_ready_while_no_silo_runs_yet_stays_live_and_is_ready_again_once_one_is_back()
    {
        await HealthProbe.UntilAsync(system.BaseAddress, "/health/ready", HttpStatusCode.OK);
        await system.Silo.KillAsync();

        var down = await HealthProbe.UntilAsync(system.BaseAddress, "/health/ready", HttpStatusCode.ServiceUnavailable);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, down.Status);
        Assert.Equal(("Unhealthy", "Unhealthy", "Healthy"), (down.Overall, down.Checks["cluster"], down.Checks["database"]));
        Assert.Equal(HttpStatusCode.OK, (await HealthProbe.ReadAsync(system.BaseAddress, "/health/live")).Status);

        await system.StartSiloAsync();
        Assert.Equal(HttpStatusCode.OK, (await HealthProbe.UntilAsync(system.SiloAddress, "/health/ready", HttpStatusCode.OK)).Status);
        var back = await HealthProbe.UntilAsync(system.BaseAddress, "/health/ready", HttpStatusCode.OK);
        Assert.Equal((HttpStatusCode.OK, "Healthy"), (back.Status, back.Checks["cluster"]));
    }
}
