using System.Net;
using System.Net.Sockets;

namespace FlashSale.FaultInjection.Cluster;

/// <summary>Ports on 127.0.0.1 for the nodes a run starts; shared with the test suite.</summary>
public static class LoopbackPorts
{
    // Handed out once per process: a probe only shows a port is free now, and a test process starts
    // many systems side by side, so two of them drawing one port was the suite's likeliest bind failure.
    private static readonly HashSet<int> HandedOut = [];

    /// <summary>
    /// A free port from 10000–22299: below Linux's ephemeral range (32768+), so no outgoing
    /// connection takes it before the node binds it, and below the range Orleans' TestCluster draws
    /// its silo ports from (22300–30000).
    /// </summary>
    public static int Free()
    {
        while (true)
        {
            var candidate = Random.Shared.Next(10_000, 22_300);
            lock (HandedOut)
            {
                if (!HandedOut.Add(candidate))
                {
                    continue;
                }
            }

            try
            {
                using var probe = new TcpListener(IPAddress.Loopback, candidate);
                probe.Start();
                return candidate;
            }
            catch (SocketException)
            {
            }
        }
    }

    public static Task<bool> ListeningAsync(int port) => ListeningAsync(IPAddress.Loopback, port);

    /// <summary>Whether something accepts connections on the address and port (a node in a network namespace).</summary>
    public static async Task<bool> ListeningAsync(IPAddress address, int port)
    {
        using var tcp = new TcpClient();
        try
        {
            await tcp.ConnectAsync(address, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
