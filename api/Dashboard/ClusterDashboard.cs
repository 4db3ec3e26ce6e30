using System.Globalization;
using FlashSale.Api.Identity;
using FlashSale.Operations.Settings;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Orleans.Dashboard;

namespace FlashSale.Api.Dashboard;

/// <summary>
/// The Orleans dashboard (grains, silos, calls), served by API nodes to admins only; silos collect
/// its figures (<c>AddDashboard</c> in the silo). The dashboard's page fetches its data itself and
/// cannot send a bearer header, so an admin first trades their token for a cookie that only the
/// dashboard's paths receive, and then opens <see cref="Path"/> in the browser.
/// </summary>
public static class ClusterDashboard
{
    public const string Path = "/dashboard";
    private const string SessionPath = "/api/admin/dashboard/session";
    private const string Cookie = "flashsale-dashboard";

    /// <summary>On unless <c>Dashboard:Enabled</c> is false (see <see cref="DashboardSettings"/>).</summary>
    public static bool IsEnabled(IConfiguration configuration) => configuration.ReadSettings<DashboardSettings>(DashboardSettings.Section).Enabled;

    /// <summary>Lets dashboard requests authenticate with the session cookie when they carry no bearer header.</summary>
    public static IServiceCollection AddClusterDashboardSessions(this IServiceCollection services, IConfiguration configuration) =>
        !IsEnabled(configuration) ? services : services.PostConfigure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, options =>
        {
            var earlier = options.Events.OnMessageReceived;
            options.Events.OnMessageReceived = async context =>
            {
                await earlier(context);
                if (context.Token is null && TokenFrom(context.Request) is { } token)
                {
                    context.Token = token;
                }
            };
        });

    public static void MapClusterDashboard(this IEndpointRouteBuilder app)
    {
        if (!IsEnabled(app.ServiceProvider.GetRequiredService<IConfiguration>()))
        {
            return;
        }

        app.MapOrleansDashboard(Path).RequireAuthorization(Roles.Admin).ExcludeFromDescription();

        app.MapPost(SessionPath, OpenSession)
            .WithTags("Operations")
            .WithSummary($"Trade the admin's bearer token for a cookie that opens the Orleans dashboard at {Path}/ in this browser (role admin).")
            .RequireAuthorization(Roles.Admin)
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        app.MapDelete(SessionPath, CloseSession)
            .WithTags("Operations")
            .WithSummary("Forget the dashboard cookie in this browser.")
            .AllowAnonymous()
            .Produces(StatusCodes.Status204NoContent);
    }

    /// <summary>The token a dashboard request carries in its cookie, when it has no Authorization header.</summary>
    private static string? TokenFrom(HttpRequest request) =>
        request.Path.StartsWithSegments(Path, StringComparison.OrdinalIgnoreCase) && !request.Headers.ContainsKey(Microsoft.Net.Http.Headers.HeaderNames.Authorization)
            && request.Cookies.TryGetValue(Cookie, out var token) ? token : null;

    private static IResult OpenSession(HttpContext context)
    {
        // The very token that was just accepted, so the cookie lives exactly as long and grants exactly as much.
        var token = context.Request.Headers.Authorization.ToString()["Bearer ".Length..].Trim();
        var expires = long.TryParse(context.User.FindFirst("exp")?.Value, CultureInfo.InvariantCulture, out var exp) ? DateTimeOffset.FromUnixTimeSeconds(exp) : (DateTimeOffset?)null;
        context.Response.Cookies.Append(Cookie, token, CookieOptionsFor(context, expires));
        return Results.NoContent();
    }

    private static IResult CloseSession(HttpContext context)
    {
        context.Response.Cookies.Delete(Cookie, CookieOptionsFor(context, null));
        return Results.NoContent();
    }

    private static CookieOptions CookieOptionsFor(HttpContext context, DateTimeOffset? expires) => new()
    {
        Path = Path,
        HttpOnly = true,
        SameSite = SameSiteMode.Strict,
        Secure = context.Request.IsHttps,
        Expires = expires,
    };
}
