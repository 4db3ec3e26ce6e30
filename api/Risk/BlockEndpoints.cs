using FlashSale.Api.Identity;
using FlashSale.Api.Problems;
using FlashSale.GrainInterfaces.Risk;

namespace FlashSale.Api.Risk;

/// <summary>The body of <c>POST /api/admin/blocks</c>.</summary>
/// <param name="Kind"><c>shopper</c>, <c>device</c>, <c>address</c> or <c>fingerprint</c>.</param>
/// <param name="Value">The shopper id, the device id, or an IP address or CIDR range such as 203.0.113.0/24.</param>
/// <param name="ExpiresAt">Optional: when the block ends by itself.</param>
public sealed record BlockRequest(string? Kind, string? Value, string? Reason, DateTimeOffset? ExpiresAt);

public sealed record BlockResponse(Guid Id, string Kind, string Value, string Reason, string CreatedBy, DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt)
{
    public static BlockResponse Of(RiskBlock block) => new(block.Id, block.Kind.ToString().ToLowerInvariant(), block.Value, block.Reason,
        block.CreatedBy, block.CreatedAt, block.ExpiresAt);
}

/// <summary>Admins block and unblock shoppers, devices and addresses; every API node applies a change within two seconds.</summary>
public static class BlockEndpoints
{
    public static void MapBlocks(this IEndpointRouteBuilder app)
    {
        var blocks = app.MapGroup("/api/admin/blocks").WithTags("Risk").RequireAuthorization(Roles.Admin);

        blocks.MapPost("/", Block)
            .WithSummary("Block a shopper, a device, an address or CIDR range, or a request fingerprint (role admin)")
            .Accepts<BlockRequest>("application/json")
            .Produces<BlockResponse>(StatusCodes.Status201Created)
            .ProducesValidationProblem();

        blocks.MapGet("/", List)
            .WithSummary("The blocks in force (role admin)")
            .Produces<BlockResponse[]>();

        blocks.MapDelete("/{id}", Unblock)
            .WithSummary("Remove a block (role admin)")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> Block(HttpContext context, IClusterClient cluster, BlocklistRefresh refresh, TimeProvider clock)
    {
        var (body, problem) = await JsonBody.Read<BlockRequest>(context.Request);
        if (problem is not null)
        {
            return problem;
        }

        var now = clock.GetUtcNow();
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var kind = body!.Kind?.ToLowerInvariant() switch
        {
            "shopper" => BlockKind.Shopper,
            "device" => BlockKind.Device,
            "address" => BlockKind.Address,
            "fingerprint" => BlockKind.Fingerprint,
            _ => (BlockKind?)null,
        };
        if (kind is null)
        {
            errors["kind"] = ["One of shopper, device, address, fingerprint."];
        }

        var value = body.Value?.Trim();
        if (string.IsNullOrEmpty(value) || value.Length > 128 || value.Any(char.IsControl))
        {
            errors["value"] = ["Required, 1 to 128 characters."];
        }
        else if (kind == BlockKind.Address && !AddressRange.TryParse(value, out _))
        {
            errors["value"] = ["An IP address or a CIDR range such as 203.0.113.0/24."];
        }

        var reason = body.Reason?.Trim();
        if (string.IsNullOrEmpty(reason) || reason.Length > 500 || reason.Any(char.IsControl))
        {
            errors["reason"] = ["Required, 1 to 500 characters, no control characters."];
        }

        if (body.ExpiresAt is { } expires && expires <= now)
        {
            errors["expiresAt"] = ["Must be in the future, or left out for a block without end."];
        }

        if (errors.Count > 0)
        {
            return Problem.Validation(errors);
        }

        var block = await cluster.GetGrain<IBlocklistGrain>(0).Block(
            new RiskBlock(Guid.CreateVersion7(now), kind!.Value, value!, reason!, context.ShopperId(), now, body.ExpiresAt?.ToUniversalTime()));
        await refresh.RefreshAsync();
        return Results.Created($"/api/admin/blocks/{block.Id}", BlockResponse.Of(block));
    }

    private static async Task<IResult> List(IClusterClient cluster, TimeProvider clock)
    {
        var list = await cluster.GetGrain<IBlocklistGrain>(0).ChangedSince(-1);
        var now = clock.GetUtcNow();
        return Results.Ok(list!.Blocks.Where(b => b.ExpiresAt is null || b.ExpiresAt > now).Select(BlockResponse.Of));
    }

    private static async Task<IResult> Unblock(string id, HttpContext context, IClusterClient cluster, BlocklistRefresh refresh)
    {
        if (!Guid.TryParse(id, out var blockId) || !await cluster.GetGrain<IBlocklistGrain>(0).Unblock(blockId, context.ShopperId()))
        {
            return Problem.Of(StatusCodes.Status404NotFound, "block_not_found", "There is no such block in force.");
        }

        await refresh.RefreshAsync();
        return Results.NoContent();
    }
}
