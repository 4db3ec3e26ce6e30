using Microsoft.AspNetCore.Http.Connections.Client;
using Microsoft.AspNetCore.SignalR.Client;

namespace FlashSale.Tests.Infrastructure;

/// <summary>SignalR connections to a running system's live hub, as dashboards and shoppers' pages make them.</summary>
public static class LiveConnections
{
    /// <param name="token">A bearer token, sent as browsers do (the <c>access_token</c> query parameter); none: anonymous.</param>
    /// <param name="configure">Further transport options (transports, HTTP handler).</param>
    public static HubConnection LiveConnection(this RunningSystem system, string? token = null, Action<HttpConnectionOptions>? configure = null) =>
        new HubConnectionBuilder()
            .WithUrl(new Uri(system.BaseAddress, "/hubs/live"), options =>
            {
                if (token is not null)
                {
                    options.AccessTokenProvider = () => Task.FromResult<string?>(token);
                }

                configure?.Invoke(options);
            })
            .Build();
}
