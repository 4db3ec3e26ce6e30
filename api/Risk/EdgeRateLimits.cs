using System.Globalization;
using System.Threading.RateLimiting;
using FlashSale.Api.Identity;
using FlashSale.Api.Problems;
using FlashSale.GrainInterfaces.Risk;
using FlashSale.Operations.Settings;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace FlashSale.Api.Risk;

/// <summary>
/// The edge's first line: ASP.NET Core's rate limiter, per client address (as seen through trusted
/// proxies only) and per authenticated shopper, answering <c>429 rate_limited</c> with Retry-After.
/// </summary>
public static class EdgeRateLimits
{
    public static IServiceCollection AddFlashSaleEdgeLimits(this IServiceCollection services)
    {
        // X-Forwarded-For is believed only from the proxies named in ForwardedHeaders:KnownProxies
        // (addresses or CIDR ranges); by default from nobody, not even loopback.
        services.AddSettings<TrustedProxies>(TrustedProxies.Section);
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<TrustedProxies>>((options, proxies) => proxies.Value.ApplyTo(options));

        services.AddSettings<RateLimitSettings>(RateLimitSettings.Section);
        // Configured below, from the validated settings.
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<RateLimitSettings>>((options, limits) =>
        {
            var settings = limits.Value;
            options.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                Limiter(settings.PerAddress, settings.SweepEvery, context => Exempt(context) ? null : AddressOf(context)),
                // Shoppers only: marketing and admin tools legitimately send bursts (a thousand campaigns set up at once).
                Limiter(settings.PerShopper, settings.SweepEvery, context => Exempt(context) || !context.User.IsInRole(Roles.Shopper)
                    ? null
                    : context.User.FindFirst(Authentication.SubjectClaim)?.Value));
            options.OnRejected = async (rejected, _) =>
            {
                var context = rejected.HttpContext;
                if (rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                {
                    context.Response.Headers.RetryAfter =
                        Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                }

                context.RequestServices.GetRequiredService<RiskAuditRecorder>().Record(RiskVerdict.Refused, RiskRules.RateLimit, null,
                    context.User.FindFirst(Authentication.SubjectClaim)?.Value, null, AddressOf(context),
                    $$"""{"path":{{System.Text.Json.JsonSerializer.Serialize(context.Request.Path.Value)}}}""");
                await Problem.Of(StatusCodes.Status429TooManyRequests, "rate_limited", "Too many requests; retry later.")
                    .ExecuteAsync(context);
            };
        });
        return services;
    }

    /// <summary>The address after trusted proxies have been peeled off.</summary>
    public static string AddressOf(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    // Probes must keep answering whoever floods the node.
    private static bool Exempt(HttpContext context) => context.Request.Path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase);

    private static PartitionedRateLimiter<HttpContext> Limiter(RateLimitSettings.TokenBucket limit, TimeSpan sweepEvery,
        Func<HttpContext, string?> keyOf) =>
        limit.PermitsPerSecond <= 0
            ? PartitionedRateLimiter.Create<HttpContext, string>(_ => RateLimitPartition.GetNoLimiter(""))
            : new TokenBuckets(keyOf, limit.PermitsPerSecond, limit.Burst, sweepEvery, TimeProvider.System);
}
