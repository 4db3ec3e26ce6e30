using FlashSale.FaultInjection.Cluster;
using FlashSale.FaultInjection.Load;

namespace FlashSale.FaultInjection.Faults;

/// <summary>
/// Injects the faults one after another while the load runs, each only once claims are flowing (so it
/// lands at peak), and each followed by recovery before the next: a silo SIGKILLed and restarted;
/// PostgreSQL stopped immediately and restarted; a silo frozen (SIGSTOP) until the others declare it
/// dead, then thawed (SIGCONT), which makes it end itself, and restarted.
/// </summary>
public sealed class FaultSchedule(LocalCluster cluster, ClaimHistory history, RunClock clock, TimeSpan databaseOutage, Action<string> say)
{
    /// <summary>Claims acknowledged since a mark that show the cluster is serving again.</summary>
    private const int Flowing = 50;

    private static readonly TimeSpan RecoveryLimit = TimeSpan.FromSeconds(120);

    public List<InjectedFault> Injected { get; } = [];

    /// <summary>Frozen silos that, thawed after being declared dead, kept running (zombies) and had to be killed.</summary>
    public int ZombieSilos { get; private set; }

    /// <summary>
    /// Silos no fault was aimed at that ended or were declared dead meanwhile (on a starved machine a silo can miss its
    /// probes while another is frozen) and were restarted. Each spans the fault it was found after, so the checks
    /// that need a quiet cluster leave that time out too; a crash among them fails the run's own check.
    /// </summary>
    public List<InjectedFault> CollateralRestarts { get; } = [];

    /// <summary>A silo is stopped (SIGSTOP) right now.</summary>
    public bool Frozen { get; private set; }

    /// <param name="quiet">What the load must have done before the first fault (checks that need a quiet cluster judge that time).</param>
    public async Task RunAsync(int rounds, Func<Task<bool>> quiet)
    {
        await FlowingAsync("the load to start");
        await UntilAsync(quiet, "the load's quiet phase");
        for (var round = 0; round < rounds; round++)
        {
            var silos = cluster.Silos;
            await KillSiloAsync(silos[round % silos.Count]);
            await CrashDatabaseAsync();
            await FreezeSiloAsync(silos[(round + 1) % silos.Count]);
        }
    }

    /// <summary>Restarts every silo that has ended or been declared dead, once the fault aimed elsewhere (injected at <paramref name="since"/>) is over.</summary>
    private async Task RestartCollateralAsync(double since)
    {
        foreach (var silo in cluster.Silos)
        {
            if (!silo.Process.HasExited && await AnsweredStatusAsync(silo) != MembershipStatus.Dead)
            {
                continue;
            }

            say($"{silo.Process.Name} was declared dead or ended though no fault was aimed at it: restarting it");
            await silo.Process.KillAsync();
            await cluster.StartSiloAsync(silo);
            await UntilAsync(async () => await cluster.StatusAsync(silo) == MembershipStatus.Active, $"{silo.Process.Name} to rejoin");
            CollateralRestarts.Add(new InjectedFault("collateral", silo.Process.Name, since, Now - since,
                await FlowingAsync("claims after the restart"), "declared dead or ended during another fault, restarted after it"));
        }
    }

    private async Task KillSiloAsync(SiloNode silo)
    {
        var at = Now;
        say($"SIGKILL {silo.Process.Name}");
        await silo.Process.KillAsync();
        await FlowingAsync("claims on the remaining silos");
        await cluster.StartSiloAsync(silo);
        await UntilAsync(async () => await cluster.StatusAsync(silo) == MembershipStatus.Active, $"{silo.Process.Name} to rejoin");
        var lasted = Now - at;
        Injected.Add(new InjectedFault("sigkill", silo.Process.Name, at, lasted, await FlowingAsync("claims after the restart"),
            "killed at peak, restarted once the others served claims"));
        await RestartCollateralAsync(at);
    }

    private async Task CrashDatabaseAsync()
    {
        var at = Now;
        say("PostgreSQL: immediate stop");
        await cluster.Database.CrashAsync();
        // The outage's length is the fault itself, not a wait for something to happen.
        await Task.Delay(databaseOutage);
        await cluster.Database.StartAsync();
        var lasted = Now - at;
        say("PostgreSQL: restarted");
        Injected.Add(new InjectedFault("database_crash", "postgresql", at, lasted, await FlowingAsync("claims after PostgreSQL's restart"),
            $"pg_ctl stop -m immediate, down {databaseOutage.TotalSeconds:0.#} s, restarted on the same data"));
        await RestartCollateralAsync(at);
    }

    private async Task FreezeSiloAsync(SiloNode silo)
    {
        var at = Now;
        say($"SIGSTOP {silo.Process.Name}");
        silo.Process.Freeze();
        Frozen = true;
        await UntilAsync(async () => await cluster.StatusAsync(silo) == MembershipStatus.Dead, $"{silo.Process.Name} to be declared dead");
        var declaredDeadAfter = Now - at;
        say($"SIGCONT {silo.Process.Name} (declared dead after {declaredDeadAfter:0.0} s)");
        silo.Process.Thaw();
        Frozen = false;
        var thawedAt = Now;
        var endedItself = await silo.Process.ExitsWithinAsync(TimeSpan.FromSeconds(60));
        var endedAfter = Now - thawedAt;
        if (!endedItself)
        {
            ZombieSilos++;
            await silo.Process.KillAsync();
        }

        await cluster.StartSiloAsync(silo);
        await UntilAsync(async () => await cluster.StatusAsync(silo) == MembershipStatus.Active, $"{silo.Process.Name} to rejoin");
        var lasted = Now - at;
        Injected.Add(new InjectedFault("sigstop", silo.Process.Name, at, lasted, await FlowingAsync("claims after the thaw"),
            $"frozen until declared dead ({declaredDeadAfter:0.0} s), thawed: {(endedItself ? $"it ended itself {endedAfter:0.0} s later" : "it DID NOT end itself within 60 s and was killed")}, restarted"));
        await RestartCollateralAsync(at);
    }

    // Just after PostgreSQL's restart the table may not answer yet: that is no news of the silo.
    private async Task<MembershipStatus> AnsweredStatusAsync(SiloNode silo)
    {
        var status = MembershipStatus.Unknown;
        await UntilAsync(async () =>
        {
            status = await cluster.StatusAsync(silo);
            return true;
        }, "the membership table to answer");
        return status;
    }

    private double Now => clock.Seconds;

    /// <summary>Waits until <see cref="Flowing"/> more claims are acknowledged; returns how long that took.</summary>
    private async Task<double> FlowingAsync(string what)
    {
        var from = Now;
        var mark = history.AcknowledgedCount;
        await UntilAsync(() => Task.FromResult(history.AcknowledgedCount >= mark + Flowing), what);
        return Now - from;
    }

    private async Task UntilAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = clock.Now + RecoveryLimit;
        while (!await SafelyAsync(condition))
        {
            if (clock.Now > deadline)
            {
                throw new TimeoutException($"waited {RecoveryLimit} for {what}");
            }

            await Task.Delay(100);
        }
    }

    // The membership table lives in the database a fault may have just stopped; an API node may not answer in time.
    private static async Task<bool> SafelyAsync(Func<Task<bool>> condition)
    {
        try
        {
            return await condition();
        }
        catch (Exception e) when (e is Npgsql.NpgsqlException or HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }
}
