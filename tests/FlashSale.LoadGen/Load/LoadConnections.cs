using System.Net;

namespace FlashSale.LoadGen.Load;

/// <summary>The connection pool every measured request goes through.</summary>
public static class LoadConnections
{
    /// <remarks>
    /// An <see cref="HttpMessageInvoker"/> rather than an HttpClient: it adds no per-request timeout
    /// token source and no response buffering, so the workers bring their own, reused ones.
    /// </remarks>
    public static HttpMessageInvoker Create(int connections) => new(new SocketsHttpHandler
    {
        // One connection per worker: a worker's request never waits for another's connection.
        MaxConnectionsPerServer = connections,
        // Connections live the whole run: a reconnect would show as latency that is not the server's.
        PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        PooledConnectionIdleTimeout = Timeout.InfiniteTimeSpan,
        ConnectTimeout = TimeSpan.FromSeconds(5),
        UseCookies = false,
        UseProxy = false,
        AllowAutoRedirect = false,
        AutomaticDecompression = DecompressionMethods.None,
        // No traceparent header: it costs an allocation per request and no server here reads it.
        ActivityHeadersPropagator = null,
    }, disposeHandler: true);
}
