using Microsoft.OpenApi;

namespace FlashSale.Api;

public static class OpenApiSetup
{
    /// <summary>
    /// The OpenAPI document at /openapi/v1.json, declaring the bearer scheme so the reference page can send tokens,
    /// and who may call each operation (<see cref="OpenApiRoles"/>).
    /// </summary>
    public static IServiceCollection AddFlashSaleOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(options => options.AddOperationTransformer<OpenApiRoles>().AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "FlashSale API";
            document.Info.Description = "Timed, limited coupon campaigns. Refusals are RFC 9457 problem details with a stable `code`.";
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>(StringComparer.Ordinal);
            document.Components.SecuritySchemes["Bearer"] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                BearerFormat = "JWT",
                Description = "In Development, get one from POST /api/dev/tokens.",
            };
            document.Security ??= [];
            document.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("Bearer", document)] = [] });
            return Task.CompletedTask;
        }));
}
