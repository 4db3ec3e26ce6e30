using FlashSale.FaultInjection.Cluster;
using FlashSale.FaultInjection.Load;
using FlashSale.FaultInjection.Network;

namespace FlashSale.FaultInjection.Faults;

/// <summary>
/// Injects the faults one after another while the load runs, each only once claims are flowing (so it
/// lands at peak), and each followed by recovery before the next: a silo SIGKILLed and restarted;
/// PostgreSQL stopped immediately and restarted; a silo frozen (SIGSTOP) until the others declare it
/// dead, then thawed (SIGCONT), which makes it end itself, and restarted. In a partition run (the cluster in
/// network namespaces), also network partitions: a silo severed from the other silos only (the case that lets two
/// activations of a grain run), an API node cut off from the silos, a silo cut off from everything, PostgreSQL cut
/// off from every node, a silo's cluster link flapping, and (five silos or more) a split of two silos from the rest.
/// </summary>
public sealed class FaultSchedule(LocalCluster cluster, ClaimHistory history, RunClock clock, TimeSpan databaseOutage, Action<string> say)
{
    /// <summary>Claims acknowledged since a mark that show the cluster is serving again.</summary>
    private const int Flowing = 50;

    private static readonly TimeSpan RecoveryLimit = TimeSpan.FromSeconds(120);

    /// <summary>How long an API node or PostgreSQL stays cut off: past a grain call's timeout (10 s), so calls fail rather than wait it out.</summary>
    private static readonly TimeSpan PartitionHold = TimeSpan.FromSeconds(12);

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
            if (cluster.Network is { } network)
            {
                await SeverSiloFromSilosAsync(network, silos[(round + 2) % silos.Count]);
                await CutApiFromSilosAsync(network, round % cluster.ApiNetworks.Count);
                await IsolateSiloAsync(network, silos[round % silos.Count]);
                await CutDatabaseAsync(network);
                await FlapSiloAsync(network, silos[(round + 1) % silos.Count]);
                if (silos.Count >= 5)
                {
                    await SplitAsync(network, [silos[(round + 3) % silos.Count], silos[(round + 4) % silos.Count]]);
                }
            }
        }
    }

    /// <summary>
    /// Severs the silo from the other silos only, until they declare it dead, then mends it. It still serves the API
    /// nodes and reaches PostgreSQL: the others reactivate its grains while its own activations go on taking claims,
    /// two activations of one campaign writing at once, until it reads that it was declared dead and ends itself.
    /// The database's fences must refuse every write of the stale ones; the silos' logs say how many they refused.
    /// </summary>
    private Task SeverSiloFromSilosAsync(NetworkLab network, SiloNode silo) => PartitionSiloAsync(silo, "partition_silo_from_silos",
        "from the other silos (the API nodes and PostgreSQL still reachable)",
        () => network.SeverAsync(silo.Network!, cluster.Silos.Where(other => other != silo).Select(other => other.Address)),
        () => network.UnseverAsync(silo.Network!));

    /// <summary>Cuts the silo's links to every network until the others declare it dead, then heals them.</summary>
    private Task IsolateSiloAsync(NetworkLab network, SiloNode silo) => PartitionSiloAsync(silo, "partition_silo_from_all", "from everything",
        async () =>
        {
            await network.CutAsync(silo.Network!, NetworkLink.Cluster);
            await network.CutAsync(silo.Network!, NetworkLink.Database);
        },
        async () =>
        {
            await network.HealAsync(silo.Network!, NetworkLink.Cluster);
            await network.HealAsync(silo.Network!, NetworkLink.Database);
        });

    private async Task PartitionSiloAsync(SiloNode silo, string kind, string what, Func<Task> cut, Func<Task> heal)
    {
        var at = Now;
        var fenced = FenceRefusals;
        say($"partition: {silo.Process.Name} cut off {what}");
        await cut();
        await UntilAsync(async () => await cluster.StatusAsync(silo) == MembershipStatus.Dead, $"{silo.Process.Name} to be declared dead");
        var declaredDeadAfter = Now - at;
        await heal();
        var healedAt = Now;
        var endedItself = await EndsItselfAsync(silo);
        var endedAfter = Now - healedAt;
        var refused = FenceRefusals - fenced;
        await RejoinAsync(silo);
        Injected.Add(new InjectedFault(kind, silo.Process.Name, at, Now - at, await FlowingAsync("claims after the partition healed"),
            $"cut off {what} until declared dead ({declaredDeadAfter:0.0} s), healed: "
            + (endedItself ? $"it ended itself {endedAfter:0.0} s later" : "it DID NOT end itself within 60 s and was killed")
            + $", restarted; {refused} ledger writes refused by the database's fences meanwhile"));
        await RestartCollateralAsync(at);
    }

    /// <summary>
    /// Splits the cluster network in two: the minority's silos reach each other and PostgreSQL, not the majority nor the
    /// API nodes. Both sides write the membership table, so either may declare the other dead (the silos ask for three
    /// votes, which a minority of two lacks, but a silo counted stale lowers that): the split lasts until one side is wholly declared dead. Then it
    /// is mended, and every silo declared dead must end itself and is restarted; nothing the survivors served meanwhile
    /// may be lost or issued twice.
    /// </summary>
    private async Task SplitAsync(NetworkLab network, IReadOnlyList<SiloNode> minority)
    {
        var at = Now;
        var fenced = FenceRefusals;
        var majority = cluster.Silos.Except(minority).ToList();
        var names = string.Join(" and ", minority.Select(s => s.Process.Name));
        say($"partition: split, {names} apart from the other {majority.Count} silos");
        await network.SplitAsync(minority.Select(s => s.Network!));
        async Task<bool> AllDeadAsync(IEnumerable<SiloNode> side) =>
            (await Task.WhenAll(side.Select(cluster.StatusAsync))).All(status => status == MembershipStatus.Dead);
        await UntilAsync(async () => await AllDeadAsync(minority) || await AllDeadAsync(majority), $"one side of the split around {names} to be declared dead");
        var decidedAfter = Now - at;
        var dead = new List<SiloNode>();
        foreach (var silo in cluster.Silos)
        {
            if (await cluster.StatusAsync(silo) == MembershipStatus.Dead)
            {
                dead.Add(silo);
            }
        }

        await network.MendSplitAsync(minority.Select(s => s.Network!));
        var ended = 0;
        foreach (var silo in dead)
        {
            ended += await EndsItselfAsync(silo) ? 1 : 0;
            await RejoinAsync(silo);
        }

        Injected.Add(new InjectedFault("partition_split", names, at, Now - at, await FlowingAsync("claims after the split mended"),
            $"{minority.Count} of {cluster.Silos.Count} silos apart until one side was declared dead ({decidedAfter:0.0} s): "
            + $"declared dead {string.Join(", ", dead.Select(s => s.Process.Name))} ({dead.Count(minority.Contains)} of the minority, "
            + $"{dead.Count(majority.Contains)} of the majority); mended: {ended} of {dead.Count} ended themselves, restarted; "
            + $"{FenceRefusals - fenced} ledger writes refused by the database's fences meanwhile"));
        await RestartCollateralAsync(at);
    }

    /// <summary>Cuts an API node from the silos (its clients and PostgreSQL still reach it) for as long as a database outage, then heals it.</summary>
    private async Task CutApiFromSilosAsync(NetworkLab network, int api)
    {
        var at = Now;
        var node = cluster.ApiNetworks[api];
        say($"partition: API node {api} cut off from the silos");
        await network.CutAsync(node, NetworkLink.Cluster);
        await Task.Delay(PartitionHold);
        await network.HealAsync(node, NetworkLink.Cluster);
        Injected.Add(new InjectedFault("partition_api_from_silos", $"API node {api}", at, Now - at, await FlowingAsync("claims after the partition healed"),
            $"cut off from the silos for {PartitionHold.TotalSeconds:0.#} s, healed"));
        await RestartCollateralAsync(at);
    }

    /// <summary>Cuts PostgreSQL from every node (it keeps running), then heals it: unlike a crash, connections hang rather than fail.</summary>
    private async Task CutDatabaseAsync(NetworkLab network)
    {
        var at = Now;
        say("partition: PostgreSQL cut off from every node");
        await network.CutAsync(cluster.Database.Network!, NetworkLink.Database);
        await Task.Delay(PartitionHold);
        await network.HealAsync(cluster.Database.Network!, NetworkLink.Database);
        Injected.Add(new InjectedFault("partition_database", "postgresql", at, Now - at, await FlowingAsync("claims after the partition healed"),
            $"cut off from every node for {PartitionHold.TotalSeconds:0.#} s (still running), healed"));
        await RestartCollateralAsync(at);
    }

    /// <summary>A silo's cluster link down and up, a second each, five times: shorter than it takes to declare it dead.</summary>
    private async Task FlapSiloAsync(NetworkLab network, SiloNode silo)
    {
        var at = Now;
        say($"partition: {silo.Process.Name}'s cluster link flapping");
        for (var flap = 0; flap < 5; flap++)
        {
            await network.CutAsync(silo.Network!, NetworkLink.Cluster);
            await Task.Delay(TimeSpan.FromSeconds(1));
            await network.HealAsync(silo.Network!, NetworkLink.Cluster);
            await Task.Delay(TimeSpan.FromSeconds(1));
        }

        Injected.Add(new InjectedFault("partition_flapping", silo.Process.Name, at, Now - at, await FlowingAsync("claims after the flapping"),
            "cluster link down 1 s, up 1 s, five times"));
        await RestartCollateralAsync(at);
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
            await RejoinAsync(silo);
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
        await RejoinAsync(silo);
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
        var endedItself = await EndsItselfAsync(silo);
        var endedAfter = Now - thawedAt;
        await RejoinAsync(silo);
        var lasted = Now - at;
        Injected.Add(new InjectedFault("sigstop", silo.Process.Name, at, lasted, await FlowingAsync("claims after the thaw"),
            $"frozen until declared dead ({declaredDeadAfter:0.0} s), thawed: {(endedItself ? $"it ended itself {endedAfter:0.0} s later" : "it DID NOT end itself within 60 s and was killed")}, restarted"));
        await RestartCollateralAsync(at);
    }

    /// <summary>Whether a silo declared dead ends itself within a minute, as it must; one that does not is a zombie, and killed.</summary>
    private async Task<bool> EndsItselfAsync(SiloNode silo)
    {
        if (await silo.Process.ExitsWithinAsync(TimeSpan.FromSeconds(60)))
        {
            return true;
        }

        ZombieSilos++;
        await silo.Process.KillAsync();
        return false;
    }

    /// <summary>Starts the silo again and waits until it is Active in the membership table.</summary>
    private async Task RejoinAsync(SiloNode silo)
    {
        await cluster.StartSiloAsync(silo);
        await UntilAsync(async () => await cluster.StatusAsync(silo) == MembershipStatus.Active, $"{silo.Process.Name} to rejoin");
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

    private int FenceRefusals => cluster.Silos.Sum(silo => silo.Process.FenceRefusals);

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
