using System.Diagnostics;
using System.Reflection;
using FlashSale.GrainInterfaces.Cluster;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace FlashSale.Api.Cluster;

/// <summary>Tells the cluster every few seconds that this API node is up, for the board's cluster panel.</summary>
public sealed class ApiNodeHeartbeat(IClusterClient cluster, IServer server, TimeProvider clock, ILogger<ApiNodeHeartbeat> logger) : BackgroundService
{
    private static readonly string Version =
        typeof(ApiNodeHeartbeat).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var startedAt = clock.GetUtcNow();
        using var timer = new PeriodicTimer(ApiNodeStatus.BeatEvery, clock);
        do
        {
            var address = string.Join(" ", server.Features.Get<IServerAddressesFeature>()?.Addresses ?? []);
            var beat = new ApiNodeBeat($"{Environment.MachineName}/{Environment.ProcessId}", address, startedAt, Version);
            try
            {
                await cluster.GetGrain<IApiNodesGrain>(0).Heartbeat(beat);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                // The cluster being unreachable is what the board shows then; the next beat tries again.
                ApiNodeHeartbeatLog.Missed(logger, e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }
}

internal static partial class ApiNodeHeartbeatLog
{
    [LoggerMessage(EventId = 1150, Level = LogLevel.Debug, Message = "Could not tell the cluster this API node is up")]
    public static partial void Missed(ILogger logger, Exception exception);
}
