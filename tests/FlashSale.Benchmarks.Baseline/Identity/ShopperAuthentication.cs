using System.Text;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Tokens;

namespace FlashSale.Benchmarks.Baseline.Identity;

/// <summary>
/// JWT bearer validation with FlashSale's API settings (section <c>Jwt</c>), so one token minted by
/// FlashSale's dev token endpoint works on both systems and both pay the same validation cost.
/// </summary>
public static class ShopperAuthentication
{
    public const string ShopperPolicy = "shopper";
    private const string SubjectClaim = "sub";
    private const string RoleClaim = "role";

    public sealed class JwtSettings
    {
        public string Issuer { get; set; } = "flashsale";
        public string Audience { get; set; } = "flashsale-api";
        public string SigningKey { get; set; } = "";
    }

    public static IServiceCollection AddShopperAuthentication(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = configuration.GetSection("Jwt").Get<JwtSettings>() ?? new JwtSettings();
        var signingKey = SigningKey(settings);
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer(options =>
            {
                options.MapInboundClaims = false;
                options.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = settings.Issuer,
                    ValidAudience = settings.Audience,
                    IssuerSigningKey = signingKey,
                    NameClaimType = SubjectClaim,
                    RoleClaimType = RoleClaim,
                    ClockSkew = TimeSpan.FromSeconds(30),
                };
            });
        services.AddAuthorizationBuilder().AddPolicy(ShopperPolicy, policy => policy.RequireRole("shopper"));
        return services;
    }

    public static string ShopperId(this HttpContext context) =>
        context.User.FindFirst(SubjectClaim)?.Value ?? throw new InvalidOperationException("An authorized request has no subject.");

    private static SymmetricSecurityKey SigningKey(JwtSettings settings)
    {
        var bytes = Encoding.UTF8.GetBytes(settings.SigningKey);
        if (bytes.Length < 32)
        {
            throw new InvalidOperationException("Jwt:SigningKey must be set to at least 32 bytes (env Jwt__SigningKey).");
        }

        return new SymmetricSecurityKey(bytes);
    }
}
