using FlashSale.Api.Identity;
using FlashSale.GrainInterfaces.Audit;

namespace FlashSale.Api.Audit;

/// <summary>
/// The auditor of the books, for admins: when it last checked, what it judged, and every invariant it found broken
/// (each also raised once as an <c>invariant_breach</c> operator alert on the live hub).
/// </summary>
public static class AuditEndpoints
{
    public static void MapAudit(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/admin/audit", async (IClusterClient cluster) => Results.Ok(await cluster.GetGrain<IBooksAuditorGrain>(0).Report()))
            .WithTags("Operations")
            .RequireAuthorization(Roles.Admin)
            .WithSummary("The auditor's last pass over the books and the invariants it found broken, oldest first (role admin)")
            .Produces<AuditReport>();
}
