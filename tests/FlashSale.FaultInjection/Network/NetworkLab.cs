using System.Diagnostics;
using System.Globalization;

namespace FlashSale.FaultInjection.Network;

/// <summary>
/// A run's own network, made of Linux network namespaces so that links can be cut (needs root: the harness runs
/// as root here). Three bridges, as production has three networks: <see cref="NetworkLink.Front"/> (the load
/// generator to the API nodes), <see cref="NetworkLink.Cluster"/> (API nodes to silos, silos to silos) and
/// <see cref="NetworkLink.Database"/> (silos and API nodes to PostgreSQL). Each node (PostgreSQL, every silo and
/// API node) lives in a namespace of its own, joined to the bridges it needs by a veth pair each; the harness and
/// its load stay in the root namespace, which has the first address of every bridge. Taking a node's end of a
/// pair down cuts exactly that node from exactly that network; nodes have no route but their own subnets, so
/// nothing goes around a cut.
/// <para>
/// Everything is named after the run's tag (<c>fs</c> + four hex digits). A run writes its PID under
/// <see cref="Marks"/>; a run killed before it tore its network down leaves it behind, and the next run removes
/// every network whose run is gone (<see cref="RemoveAbandonedAsync"/>).
/// </para>
/// </summary>
public sealed class NetworkLab : IAsyncDisposable
{
    /// <summary>Where runs mark the networks they own (a file per tag, holding the run's PID).</summary>
    public const string Marks = "/run/flashsale-netns";

    private readonly Dictionary<(string Node, NetworkLink Link), string> _veths = [];
    private readonly string _tag;
    private readonly int _octet;

    private NetworkLab(string tag, int octet) => (_tag, _octet) = (tag, octet);

    /// <summary>Network namespaces, veths, bridges and a namespace's own packet filter are available (root, <c>ip</c> and <c>nft</c>).</summary>
    public static bool Available() => Environment.UserName == "root" && new[] { "/usr/sbin/ip", "/sbin/ip", "/usr/bin/ip" }.Any(File.Exists)
        && new[] { "/usr/sbin/nft", "/sbin/nft", "/usr/bin/nft" }.Any(File.Exists);

    public static async Task<NetworkLab> CreateAsync()
    {
        if (!Available())
        {
            throw new InvalidOperationException("partitions need root and the ip and nft tools (Debian: iproute2, nftables; deploy/test.sh installs them)");
        }

        await RemoveAbandonedAsync();
        var tag = "fs" + Random.Shared.Next(0x1000, 0x10000).ToString("x4", CultureInfo.InvariantCulture);
        // 10.200-249.x.0/24: away from the usual container and VPN ranges.
        var lab = new NetworkLab(tag, Random.Shared.Next(200, 250));
        Directory.CreateDirectory(Marks);
        await File.WriteAllTextAsync(Path.Combine(Marks, tag), Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        foreach (var link in Enum.GetValues<NetworkLink>())
        {
            await IpAsync("link", "add", lab.Bridge(link), "type", "bridge");
            await IpAsync("addr", "add", $"{lab.Address(link, 1)}/24", "dev", lab.Bridge(link));
            await IpAsync("link", "set", lab.Bridge(link), "up");
        }

        // The other side of a split (NetworkLink.Cluster only): silos moved onto it talk to each other, not to the rest.
        await IpAsync("link", "add", lab.SplitBridge, "type", "bridge");
        await IpAsync("link", "set", lab.SplitBridge, "up");
        return lab;
    }

    /// <summary>A namespace for <paramref name="node"/> (a short name: <c>pg</c>, <c>s0</c>, <c>a1</c>) on the given networks, as host <paramref name="host"/> of each.</summary>
    public async Task<LabNode> AddNodeAsync(string node, int host, params NetworkLink[] links)
    {
        var ns = Namespace(node);
        await IpAsync("netns", "add", ns);
        await IpAsync("-n", ns, "link", "set", "lo", "up");
        var addresses = new Dictionary<NetworkLink, string>();
        foreach (var link in links)
        {
            var veth = $"{_tag}{node}{(char)link}";
            var inside = $"eth{(char)link}";
            await IpAsync("link", "add", veth, "type", "veth", "peer", "name", inside, "netns", ns);
            await IpAsync("-n", ns, "addr", "add", $"{Address(link, host)}/24", "dev", inside);
            await IpAsync("-n", ns, "link", "set", inside, "up");
            await IpAsync("link", "set", veth, "master", Bridge(link));
            await IpAsync("link", "set", veth, "up");
            _veths[(node, link)] = veth;
            addresses[link] = Address(link, host);
        }

        return new LabNode(node, ns, addresses);
    }

    /// <summary>Cuts the node from the network (its end of the pair down); <see cref="HealAsync"/> joins it again.</summary>
    public Task CutAsync(LabNode node, NetworkLink link) => IpAsync("link", "set", _veths[(node.Name, link)], "down");

    public Task HealAsync(LabNode node, NetworkLink link) => IpAsync("link", "set", _veths[(node.Name, link)], "up");

    /// <summary>
    /// Cuts the node from some peers on a network it stays on, by a packet filter in its own namespace (nothing outside
    /// it changes): a silo severed from the other silos still serves the API nodes, and reaches PostgreSQL.
    /// </summary>
    public Task SeverAsync(LabNode node, IEnumerable<string> peers)
    {
        var addresses = string.Join(", ", peers);
        return NftAsync(node, $$"""
            table inet flashsale_partition {
                chain inbound { type filter hook input priority 0; ip saddr { {{addresses}} } drop; }
                chain outbound { type filter hook output priority 0; ip daddr { {{addresses}} } drop; }
            }
            """);
    }

    public Task UnseverAsync(LabNode node) => NftAsync(node, "delete table inet flashsale_partition\n");

    /// <summary>Moves the silos onto the other side of the cluster network: they reach each other, and nothing else on it.</summary>
    public async Task SplitAsync(IEnumerable<LabNode> minority)
    {
        foreach (var node in minority)
        {
            await IpAsync("link", "set", _veths[(node.Name, NetworkLink.Cluster)], "master", SplitBridge);
        }
    }

    public async Task MendSplitAsync(IEnumerable<LabNode> minority)
    {
        foreach (var node in minority)
        {
            await IpAsync("link", "set", _veths[(node.Name, NetworkLink.Cluster)], "master", Bridge(NetworkLink.Cluster));
        }
    }

    public async ValueTask DisposeAsync()
    {
        await RemoveAsync(_tag);
    }

    /// <summary>Removes every run's network whose run is no longer alive (killed before it could tear it down).</summary>
    public static async Task RemoveAbandonedAsync()
    {
        if (!Directory.Exists(Marks))
        {
            return;
        }

        foreach (var mark in Directory.GetFiles(Marks))
        {
            var alive = int.TryParse(await File.ReadAllTextAsync(mark), CultureInfo.InvariantCulture, out var pid) && Directory.Exists($"/proc/{pid}") && pid != Environment.ProcessId;
            if (!alive)
            {
                await RemoveAsync(Path.GetFileName(mark));
            }
        }
    }

    private static async Task RemoveAsync(string tag)
    {
        // Deleting a namespace deletes the veths in it, and with them their peers on the bridges.
        var (_, namespaces) = await RunAsync("ip", "netns", "list");
        foreach (var ns in namespaces.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => line.Split(' ')[0])
                     .Where(ns => ns.StartsWith(tag + "-", StringComparison.Ordinal)))
        {
            // A process left inside (a node the run could not stop) keeps the namespace alive: end it first.
            var (_, pids) = await RunAsync("ip", "netns", "pids", ns);
            foreach (var pid in pids.Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                await RunAsync("kill", "-9", pid.Trim());
            }

            await RunAsync("ip", "netns", "del", ns);
        }

        foreach (var bridge in new[] { 'f', 'c', 'd', 'm' }.Select(suffix => $"{tag}{suffix}"))
        {
            await RunAsync("ip", "link", "del", bridge);
        }

        File.Delete(Path.Combine(Marks, tag));
    }

    private string Namespace(string node) => $"{_tag}-{node}";

    private string Bridge(NetworkLink link) => $"{_tag}{(char)link}";

    private string SplitBridge => $"{_tag}m";

    private string Address(NetworkLink link, int host) => link switch
    {
        NetworkLink.Front => $"10.{_octet}.3.{host}",
        NetworkLink.Cluster => $"10.{_octet}.1.{host}",
        _ => $"10.{_octet}.2.{host}",
    };

    private static async Task NftAsync(LabNode node, string rules)
    {
        var start = new ProcessStartInfo("ip") { UseShellExecute = false, RedirectStandardInput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "netns", "exec", node.Namespace, "nft", "-f", "-" })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        await process.StandardInput.WriteAsync(rules);
        process.StandardInput.Close();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"nft in {node.Namespace} failed ({process.ExitCode}): {error}");
        }
    }

    private static async Task IpAsync(params string[] args)
    {
        var (exitCode, output) = await RunAsync("ip", args);
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"ip {string.Join(' ', args)} failed ({exitCode}): {output}");
        }
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string program, params string[] args)
    {
        var start = new ProcessStartInfo(program) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout + await stderr);
    }
}

/// <summary>The three networks of a <see cref="NetworkLab"/>; the value is the letter in its bridge's and veths' names.</summary>
public enum NetworkLink
{
    Front = 'f',
    Cluster = 'c',
    Database = 'd',
}

/// <summary>A node's namespace and its address on each network it joined.</summary>
public sealed record LabNode(string Name, string Namespace, IReadOnlyDictionary<NetworkLink, string> Addresses);
