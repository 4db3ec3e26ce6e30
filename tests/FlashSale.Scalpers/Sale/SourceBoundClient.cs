using System.Net;
using System.Net.Sockets;

namespace FlashSale.Scalpers.Sale;

/// <summary>
/// An HTTP client whose one keep-alive connection comes from a given source address: any 127.x.y.z works on
/// Linux loopback, so one process stands for phones and scripts in many address ranges.
/// </summary>
public static class SourceBoundClient
{
    public static HttpClient Create(string source, Uri baseUrl) => new(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = 1,
        PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        PooledConnectionIdleTimeout = Timeout.InfiniteTimeSpan,
        ConnectTimeout = TimeSpan.FromSeconds(5),
        UseCookies = false,
        UseProxy = false,
        AllowAutoRedirect = false,
        // Accept-Encoding is the client's own header here; the handler adds none.
        AutomaticDecompression = DecompressionMethods.None,
        ActivityHeadersPropagator = null,
        ConnectCallback = async (context, cancellationToken) =>
        {
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                socket.Bind(new IPEndPoint(IPAddress.Parse(source), 0));
                await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    })
    {
        BaseAddress = baseUrl,
        Timeout = TimeSpan.FromSeconds(30),
    };
}
