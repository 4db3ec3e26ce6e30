using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Net.Http.Headers;

namespace FlashSale.Api.WebPages;

/// <summary>
/// The board, shop and marketing pages (wwwroot), served by the API itself. They are plain files:
/// browsers revalidate them on each visit, so a deployment is seen at the next load. They go out
/// compressed (Brotli, else gzip) when the browser accepts it: the charting library alone is 1.1 MB as
/// published, about a third of that compressed, which a phone on a busy network feels.
/// </summary>
public static class WebPageSetup
{
    // The pages load nothing from elsewhere, and nothing else may frame them.
    private const string ContentSecurityPolicy =
        "default-src 'self'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    public static IServiceCollection AddWebPages(this IServiceCollection services) =>
        services.AddResponseCompression(options =>
        {
            options.Providers.Add<BrotliCompressionProvider>();
            options.Providers.Add<GzipCompressionProvider>();
        });

    public static void UseWebPages(this WebApplication app)
    {
        app.UseDefaultFiles();
        // Only the pages' own files: the API's answers are small, and the claim path keeps its every microsecond.
        app.UseWhen(context => IsPageFile(context.Request.Path), pages => pages.UseResponseCompression());
        app.UseStaticFiles(new StaticFileOptions
        {
            OnPrepareResponse = context =>
            {
                var headers = context.Context.Response.Headers;
                headers[HeaderNames.CacheControl] = "no-cache";
                headers[HeaderNames.XContentTypeOptions] = "nosniff";
                if (context.File.Name.EndsWith(".html", StringComparison.Ordinal))
                {
                    headers[HeaderNames.ContentSecurityPolicy] = ContentSecurityPolicy;
                }
            },
        });
    }

    private static bool IsPageFile(PathString path) =>
        path.StartsWithSegments("/lib", StringComparison.Ordinal) || path.StartsWithSegments("/js", StringComparison.Ordinal)
        || path.StartsWithSegments("/css", StringComparison.Ordinal) || path.Value is "/" || path.Value?.EndsWith(".html", StringComparison.Ordinal) == true;
}
