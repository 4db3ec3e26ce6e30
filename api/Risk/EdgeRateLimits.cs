using System.Globalization;
using System.Net;
using System.Threading.RateLimiting;
using FlashSale.Api.Identity;
using FlashSale.Api.Problems;
using FlashSale.GrainInterfaces.Risk;
using Microsoft.AspNetCore.HttpOverrides;

namespace FlashSale.Api.Risk;

/// <summary>
/// Configuration section <c>RateLimits</c>: token buckets per client address and per shopper, on
/// each API node. A bucket holds <c>Burst</c> requests and refills <c>PermitsPerSecond</c> a
/// second; 0 permits turns that limit off.
/// </summary>
public sealed class RateLimitSettings
{
    public TokenBucket PerAddress { get; set; } = new() { PermitsPerSecond = 100, Burst = 200 };
    public TokenBucket PerShopper { get; set; } = new() { PermitsPerSecond = 5, Burst = 10 };

    /// <summary>How often buckets that have filled up again are forgotten.</summary>
    public TimeSpan SweepEvery { get; set; } = TimeSpan.FromSeconds(5);

    public sealed class TokenBucket
    {
        public int PermitsPerSecond { get; set; }
        public int Burst { get; set; }
    }
}

/// <summary>
/// The edge's first line: ASP.NET Core's rate limiter, per client address (as seen through trusted
/// proxies only) and per authenticated shopper, answering <c>429 rate_limited</c> with Retry-After.
/// </summary>
public static class EdgeRateLimits
{
    public static IServiceCollection AddFlashSaleEdgeLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = configuration.GetSection("RateLimits").Get<RateLimitSettings>() ?? new RateLimitSettings();

        // X-Forwarded-For is believed only from the proxies named in ForwardedHeaders:KnownProxies
        // (addresses or CIDR ranges); by default from nobody, not even loopback.
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var proxy in configuration.GetSection("ForwardedHeaders:KnownProxies").Get<string[]>() ?? [])
            {
                if (proxy.Contains('/'))
                {
                    options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(proxy));
                }
                else
                {
                    options.KnownProxies.Add(IPAddress.Parse(proxy));
                }
            }
        });

        services.AddRateLimiter(options =>
        {
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
    private static bool Exempt(HttpContext context) => context.Request.Path.StartsWithSegments("/health");

    private static PartitionedRateLimiter<HttpContext> Limiter(RateLimitSettings.TokenBucket limit, TimeSpan sweepEvery,
        Func<HttpContext, string?> keyOf) =>
        limit.PermitsPerSecond <= 0
            ? PartitionedRateLimiter.Create<HttpContext, string>(_ => RateLimitPartition.GetNoLimiter(""))
            : new TokenBuckets(keyOf, limit.PermitsPerSecond, limit.Burst, sweepEvery, TimeProvider.System);
}
