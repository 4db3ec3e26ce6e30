using System.Security.Claims;
using System.Text.Json;
using FlashSale.Api.Problems;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace FlashSale.Api.Identity;

/// <summary>
/// <c>POST /api/dev/tokens</c>: mints tokens for newcomers and tests. Mapped in the Development
/// environment only; elsewhere tokens come from the real identity provider.
/// </summary>
public static class DevTokenEndpoints
{
    /// <param name="Tier">A member tier (e.g. <c>gold</c>) for early access; optional.</param>
    /// <param name="Merchant">For marketing and merchant users: the merchant they work for; optional (then <c>default</c>).</param>
    public sealed record TokenRequest(string? UserId, string[]? Roles, int? LifetimeMinutes, string? Tier = null, string? Merchant = null);

    public sealed record TokenResponse(string Token, DateTimeOffset ExpiresAt);

    public static void MapDevTokens(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/dev/tokens", Mint)
            .WithTags("Development")
            .WithSummary("Mint a signed token (Development only)")
            .Accepts<TokenRequest>("application/json")
            .Produces<TokenResponse>()
            .ProducesValidationProblem()
            .AllowAnonymous();
    }

    private static async Task<IResult> Mint(HttpRequest request, IOptions<JwtSettings> jwt, TimeProvider clock)
    {
        var (body, problem) = await JsonBody.Read<TokenRequest>(request);
        if (problem is not null)
        {
            return problem;
        }

        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (!Subjects.IsValid(body!.UserId))
        {
            errors["userId"] = [$"Required: {Subjects.Rule}."];
        }

        if (body.Roles is null || body.Roles.Length == 0 || body.Roles.Any(r => !Roles.All.Contains(r)))
        {
            errors["roles"] = [$"Required: one or more of {string.Join(", ", Roles.All)}."];
        }

        if (body.Tier is not null && !Tiers.IsValid(body.Tier))
        {
            errors["tier"] = [$"{Tiers.Rule}; or left out."];
        }

        if (body.Merchant is not null && !Merchants.IsValid(body.Merchant))
        {
            errors["merchant"] = [$"{Merchants.Rule}; or left out."];
        }

        var lifetime = body.LifetimeMinutes ?? 600;
        if (lifetime is < 1 or > 7 * 24 * 60)
        {
            errors["lifetimeMinutes"] = ["Between 1 and 10080 minutes."];
        }

        if (errors.Count > 0)
        {
            return Problem.Validation(errors);
        }

        var settings = jwt.Value;
        var expiresAt = clock.GetUtcNow().AddMinutes(lifetime);
        var claims = new List<Claim> { new(Authentication.SubjectClaim, body.UserId!) };
        claims.AddRange(body.Roles!.Distinct(StringComparer.Ordinal).Select(role => new Claim(Authentication.RoleClaim, role)));
        if (body.Tier is not null)
        {
            claims.Add(new Claim(Authentication.TierClaim, body.Tier));
        }

        if (body.Merchant is not null)
        {
            claims.Add(new Claim(Merchants.Claim, body.Merchant));
        }

        var token = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = settings.Issuer,
            Audience = settings.Audience,
            Subject = new ClaimsIdentity(claims),
            Expires = expiresAt.UtcDateTime,
            SigningCredentials = new SigningCredentials(settings.Key(), SecurityAlgorithms.HmacSha256),
        });
        return Results.Ok(new TokenResponse(token, expiresAt));
    }
}
