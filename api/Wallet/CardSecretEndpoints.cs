using FlashSale.Api.Campaigns;
using FlashSale.Api.Identity;
using FlashSale.Api.Problems;
using FlashSale.Api.Risk;
using FlashSale.GrainInterfaces.Wallet;

namespace FlashSale.Api.Wallet;

/// <summary>Card secrets: marketing imports a campaign's codes; a holder reveals their coupon's.</summary>
public static class CardSecretEndpoints
{
    // A request body is at most 64 KB: larger lists go in several imports.
    private const int MaxPerImport = 1_000;
    private const int MaxSecretLength = 200;

    public static void MapCardSecrets(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/campaigns/{id}/secrets", Import)
            .WithinChangeDeadline()
            .WithTags("Campaigns")
            .RequireAuthorization(Roles.Marketing)
            .OwnCampaignsOnly()
            .WithSummary("Import card secrets into a card-secret campaign (role marketing): stored encrypted, one per coupon in claim order; duplicates and any beyond the stock are refused and listed.")
            .Accepts<ImportSecretsRequest>("application/json")
            .Produces<ImportSecretsResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        app.MapGet("/api/me/coupons/{id}/secret", Reveal)
            .WithinChangeDeadline()
            .AddEndpointFilter<BlockedShoppersRefused>()
            .WithTags("Wallet")
            .RequireAuthorization(Roles.Shopper)
            .WithSummary("The card secret of your coupon (role shopper); every reveal is audited.")
            .Produces<SecretResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static async Task<IResult> Import(string id, HttpContext context, IClusterClient cluster)
    {
        var (body, problem) = await JsonBody.Read<ImportSecretsRequest>(context.Request);
        if (problem is not null)
        {
            return problem;
        }

        var secrets = body!.Secrets;
        if (secrets is not { Length: >= 1 and <= MaxPerImport })
        {
            return Problem.Validation(new Dictionary<string, string[]>(StringComparer.Ordinal) { ["secrets"] = [$"Required: 1 to {MaxPerImport} secrets per import."] });
        }

        var bad = secrets.Select((s, i) => (s, i))
            .Where(x => string.IsNullOrWhiteSpace(x.s) || x.s.Length > MaxSecretLength || x.s.Any(char.IsControl))
            .Take(20)
            .ToDictionary(x => $"secrets[{x.i}]", _ => new[] { $"1 to {MaxSecretLength} printable characters." }, StringComparer.Ordinal);
        if (bad.Count > 0)
        {
            return Problem.Validation(bad);
        }

        if (!Guid.TryParse(id, out var campaignId))
        {
            return NotACardSecretCampaign();
        }

        var result = await cluster.GetGrain<ICardSecretsGrain>(campaignId).Import([.. secrets], context.ShopperId());
        return result.CampaignFound
            ? Results.Ok(new ImportSecretsResponse(result.Imported, result.TotalImported,
                [.. result.Refused.Select(r => new RefusedSecretResponse(r.Index, r.Reason))]))
            : NotACardSecretCampaign();
    }

    private static async Task<IResult> Reveal(string id, HttpContext context, IClusterClient cluster)
    {
        if (!Guid.TryParse(id, out var couponId))
        {
            return WalletRefusals.CouponNotFound();
        }

        var reveal = await cluster.GetGrain<IWalletGrain>(context.ShopperId()).RevealSecret(couponId);
        return reveal.Outcome switch
        {
            SecretOutcome.Revealed => Results.Ok(new SecretResponse(couponId, reveal.Secret!)),
            SecretOutcome.NotImported => Problem.Of(StatusCodes.Status409Conflict, "secret_not_imported",
                "This coupon's card secret has not been imported yet."),
            _ => WalletRefusals.CouponNotFound(),
        };
    }

    private static IResult NotACardSecretCampaign() =>
        Problem.Of(StatusCodes.Status404NotFound, "not_found", "No card-secret campaign with this id.");
}

public sealed record ImportSecretsRequest(string[]? Secrets);

/// <param name="Reason"><c>already_imported</c>, <c>duplicate_in_import</c> or <c>beyond_stock</c>.</param>
public sealed record RefusedSecretResponse(int Index, string Reason);

public sealed record ImportSecretsResponse(int Imported, int TotalImported, IReadOnlyList<RefusedSecretResponse> Refused);

public sealed record SecretResponse(Guid CouponId, string Secret);
