using Microsoft.Net.Http.Headers;

namespace FlashSale.Api.WebPages;

/// <summary>
/// The board, shop and marketing pages (wwwroot), served by the API itself. They are plain files:
/// browsers revalidate them on each visit, so a deployment is seen at the next load.
/// </summary>
public static class WebPageSetup
{
    // The pages load nothing from elsewhere, and nothing else may frame them.
    private const string ContentSecurityPolicy =
        "default-src 'self'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    public static void UseWebPages(this WebApplication app)
    {
        app.UseDefaultFiles();
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
}
