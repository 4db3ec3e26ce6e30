using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace FlashSale.Api;

/// <summary>
/// Says in the OpenAPI document who may call each operation, from the endpoint's own authorization
/// metadata: <c>x-roles</c> lists the roles its policies admit (empty: any signed-in caller), and a
/// public operation gets an empty <c>security</c>. Clients read it; the security tests walk it, so
/// a new endpoint is covered the day it is mapped.
/// </summary>
public sealed class OpenApiRoles(IAuthorizationPolicyProvider policies) : IOpenApiOperationTransformer
{
    public const string Extension = "x-roles";

    public async Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        var authorize = metadata.OfType<IAuthorizeData>().ToList();
        if (authorize.Count == 0 || metadata.OfType<IAllowAnonymous>().Any())
        {
            operation.Security = [];
            return;
        }

        // Every policy must be met, so the roles that may call are those all of them admit.
        IEnumerable<string>? roles = null;
        foreach (var data in authorize)
        {
            var policy = data.Policy is null ? await policies.GetDefaultPolicyAsync() : await policies.GetPolicyAsync(data.Policy);
            var admitted = policy?.Requirements.OfType<RolesAuthorizationRequirement>().SelectMany(r => r.AllowedRoles).ToList();
            if (admitted is { Count: > 0 })
            {
                roles = roles is null ? admitted : roles.Intersect(admitted, StringComparer.Ordinal);
            }
        }

        operation.Extensions ??= new Dictionary<string, IOpenApiExtension>(StringComparer.Ordinal);
        operation.Extensions[Extension] = new JsonNodeExtension(new JsonArray([.. (roles ?? []).Order(StringComparer.Ordinal).Select(r => JsonValue.Create(r))]));
    }
}
