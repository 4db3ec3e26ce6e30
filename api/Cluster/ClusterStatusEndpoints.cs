using FlashSale.Api.Identity;
using FlashSale.GrainInterfaces.Cluster;

namespace FlashSale.Api.Cluster;

/// <summary>The cluster as the board shows it: every silo with its status, every API node and whether it is up.</summary>
public static class ClusterStatusEndpoints
{
    /// <param name="Status">Orleans' membership status: <c>Active</c>, <c>Joining</c>, <c>ShuttingDown</c>, <c>Dead</c>...</param>
    public sealed record SiloResponse(string Name, string Address, string Status, DateTimeOffset StartedAt);

    /// <param name="Up">Heard from within the last 15 seconds.</param>
    public sealed record ApiNodeResponse(string Name, string Address, DateTimeOffset StartedAt, DateTimeOffset LastSeen, bool Up, string Version);

    public sealed record ClusterResponse(IReadOnlyList<SiloResponse> Silos, IReadOnlyList<ApiNodeResponse> ApiNodes);

    public static void MapClusterStatus(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/cluster", Status)
            .WithTags("Operations")
            .RequireAuthorization(Roles.Marketing)
            .WithSummary("Silos with their membership status, and API nodes with when each was last heard from (role marketing or admin)")
            .Produces<ClusterResponse>()
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

    // The membership table's times are UTC without saying so.
    private static DateTimeOffset Utc(DateTime time) => new(DateTime.SpecifyKind(time, DateTimeKind.Utc));

    private static async Task<IResult> Status(IClusterClient cluster, TimeProvider clock)
    {
        var silos = await cluster.GetGrain<IManagementGrain>(0).GetDetailedHosts(onlyActive: false);
        var nodes = await cluster.GetGrain<IApiNodesGrain>(0).List();
        return Results.Ok(new ClusterResponse(
            // Silos dead and silent for more than an hour are history, not the cluster.
            [.. silos.Select(s => (Silo: s, StartedAt: Utc(s.StartTime), LastAlive: Utc(s.IAmAliveTime)))
                .Where(s => s.Silo.Status != SiloStatus.Dead || clock.GetUtcNow() - s.LastAlive < TimeSpan.FromHours(1))
                .OrderBy(s => s.Silo.SiloName, StringComparer.Ordinal)
                .Select(s => new SiloResponse(s.Silo.SiloName, s.Silo.SiloAddress.ToString(), s.Silo.Status.ToString(), s.StartedAt))],
            [.. nodes.Select(n => new ApiNodeResponse(n.Node.Name, n.Node.Address, n.Node.StartedAt, n.LastSeen, n.Up, n.Node.Version))]));
    }
}
