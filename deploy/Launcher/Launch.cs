using System.Net.NetworkInformation;
using static System.FormattableString;

namespace FlashSale.Launcher;

/// <summary>
/// One run of the local cluster: PostgreSQL, then the silos and the API nodes, watched until a signal or until no
/// silo or API node is left; then everything stopped in order: API nodes (they drain their in-flight claims),
/// silos, PostgreSQL.
/// </summary>
internal sealed class Launch(ClusterLayout layout, int silos, int apis)
{
    private readonly PostgresScript _postgres = new(layout);
    private readonly List<SupervisedNode> _nodes = [];

    /// <returns>run.sh's exit status: 128 + the signal's number after a signal; 1 if the cluster failed.</returns>
    public async Task<int> RunAsync()
    {
        using var signals = new ShutdownSignals();
        using var probe = new Probe();
        var status = 1;
        try
        {
            await RunUntilStoppedAsync(probe, signals.Token);
            status = 0;
        }
        catch (OperationCanceledException) when (signals.Token.IsCancellationRequested)
        {
            status = signals.ExitStatus;
        }
        catch (LaunchFailed e)
        {
            Messages.Error(e.Message);
        }
        finally
        {
            // Whatever ended the run, a bug too: nothing it started outlives it.
            await StopAsync();
            Messages.Say(status == 0 ? "stopped" : Invariant($"stopped (exit status {status})"));
        }

        return status;
    }

    private async Task RunUntilStoppedAsync(Probe probe, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(layout.Logs);
        Directory.CreateDirectory(layout.Run);
        var connectionString = await _postgres.StartAsync();
        cancellationToken.ThrowIfCancellationRequested();
        Require(layout.SiloDll, "silo");
        Require(layout.ApiDll, "API");
        Require(layout.SandboxDll, "payment sandbox");

        // The sandbox first: silos fetch its certificate when a payment notification names it.
        var nodes = new[] { new Node(NodeKind.PaymentSandbox, 0, 1, layout) }
            .Concat(Enumerable.Range(0, silos).Select(i => new Node(NodeKind.Silo, i, silos, layout)))
            .Concat(Enumerable.Range(0, apis).Select(j => new Node(NodeKind.Api, j, apis, layout))).ToList();
        await EnsureFreeAsync(nodes, probe, cancellationToken);
        _nodes.AddRange(nodes.Select(node => new SupervisedNode(node, connectionString)));

        var supervisor = new Supervisor(_nodes, probe, layout.StopGrace);
        await supervisor.StartAllAsync(cancellationToken);
        Messages.Write(Banner.Text(nodes, connectionString, layout));
        await supervisor.WatchAsync(cancellationToken);
    }

    private static void Require(string assembly, string program)
    {
        if (!File.Exists(assembly))
        {
            throw new LaunchFailed($"{program} not built: {assembly} is missing");
        }
    }

    /// <summary>Refuses to start on ports another cluster serves. A silo may listen on any local address: every listener counts.</summary>
    private async Task EnsureFreeAsync(IEnumerable<Node> nodes, Probe probe, CancellationToken cancellationToken)
    {
        var listening = IPGlobalProperties.GetIPGlobalProperties().GetActiveTcpListeners().Select(endpoint => endpoint.Port).ToHashSet();
        foreach (var node in nodes)
        {
            if (node.Kind == NodeKind.Silo && listening.Contains(node.GatewayPort))
            {
                throw new LaunchFailed(Invariant($"something is already listening on the Orleans gateway port {node.GatewayPort} (another silo running? see {layout.Run}/)"));
            }

            if (node.Kind == NodeKind.PaymentSandbox && await probe.IsReadyAsync(node, cancellationToken))
            {
                throw new LaunchFailed($"a payment sandbox already answers {node.ProbeBase} (another cluster running?); set FLASHSALE_SANDBOX_URL to use another address");
            }

            if (node.Kind == NodeKind.Api && await probe.IsTakenAsync(node, cancellationToken))
            {
                throw new LaunchFailed($"something already answers {node.ProbeBase}/health/live (another API running?); set FLASHSALE_URL to use another address");
            }
        }
    }

    private async Task StopAsync()
    {
        foreach (var node in _nodes.Where(node => node.Node.Kind == NodeKind.Api).Concat(_nodes.Where(node => node.Node.Kind == NodeKind.Silo))
                     .Concat(_nodes.Where(node => node.Node.Kind == NodeKind.PaymentSandbox)))
        {
            await node.StopAsync(layout.StopGrace);
        }

        await _postgres.StopAsync();
    }
}
