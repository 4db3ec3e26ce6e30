using FlashSale.Operations.Settings;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace FlashSale.Api.Identity;

public static class Authentication
{
    /// <summary>The token's subject is the caller's id; nothing in a request body ever says who the caller is.</summary>
    public const string SubjectClaim = "sub";
    public const string RoleClaim = "role";

    /// <summary>A shopper's member tier (e.g. <c>gold</c>), for campaigns' early access; absent for most.</summary>
    public const string TierClaim = "tier";

    public static IServiceCollection AddFlashSaleAuthentication(this IServiceCollection services)
    {
        services.AddSettings<JwtSettings>(JwtSettings.Section);
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme).Configure<IOptions<JwtSettings>>((options, jwt) =>
            {
                var settings = jwt.Value;
                options.MapInboundClaims = false;
                options.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = settings.Issuer,
                    ValidAudience = settings.Audience,
                    IssuerSigningKey = settings.Key(),
                    NameClaimType = SubjectClaim,
                    RoleClaimType = RoleClaim,
                    ClockSkew = TimeSpan.FromSeconds(30),
                };
                options.Events = new JwtBearerEvents
                {
                    // Browsers cannot set headers on WebSocket requests: SignalR sends the token in the query.
                    OnMessageReceived = context =>
                    {
                        if (context.Request.Path.StartsWithSegments("/hubs", StringComparison.OrdinalIgnoreCase) && context.Request.Query["access_token"] is { Count: 1 } token)
                        {
                            context.Token = token;
                        }

                        return Task.CompletedTask;
                    },
                    // A well-signed token without a usable subject says nobody: 401, not a failure further in.
                    OnTokenValidated = context =>
                    {
                        if (context.Principal?.FindAll(SubjectClaim).ToList() is not [{ } subject] || !Subjects.IsValid(subject.Value))
                        {
                            context.Fail($"The token's subject must be one '{SubjectClaim}' claim of {Subjects.Rule}.");
                        }
                        else if (context.Principal.FindAll(Merchants.Claim).ToList() is { Count: > 0 } merchants
                            && (merchants.Count > 1 || !Merchants.IsValid(merchants[0].Value)))
                        {
                            context.Fail($"A token names at most one '{Merchants.Claim}' of {Merchants.Rule}.");
                        }

                        return Task.CompletedTask;
                    },
                };
            });
        services.AddAuthorizationBuilder()
            .AddPolicy(Roles.Shopper, policy => policy.RequireRole(Roles.Shopper))
            .AddPolicy(Roles.Marketing, policy => policy.RequireRole(Roles.Marketing, Roles.Admin))
            .AddPolicy(Roles.Merchant, policy => policy.RequireRole(Roles.Merchant, Roles.Admin))
            .AddPolicy(Roles.Admin, policy => policy.RequireRole(Roles.Admin));
        return services;
    }

    public static string? ShopperTier(this HttpContext context) => context.User.FindFirst(TierClaim)?.Value;

    public static string ShopperId(this HttpContext context) =>
        context.User.FindFirst(SubjectClaim)?.Value ?? throw new InvalidOperationException("An authorized request has no subject.");
}
