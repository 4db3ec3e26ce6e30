using System.Net;
using System.Net.Sockets;

namespace FlashSale.FaultInjection.Cluster;

/// <summary>Ports on 127.0.0.1 for the nodes a run starts; shared with the test suite.</summary>
public static class LoopbackPorts
{
    /// <summary>A free port below Linux's ephemeral range, so no outgoing connection takes it before the node binds it.</summary>
    public static int Free()
    {
        while (true)
        {
            var candidate = Random.Shared.Next(20_000, 32_000);
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

    public static async Task<bool> ListeningAsync(int port)
    {
        using var tcp = new TcpClient();
        try
        {
            await tcp.ConnectAsync(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
