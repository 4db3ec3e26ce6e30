using System.Net.Http.Json;
using System.Text.Json;

namespace FlashSale.Tests.Security.Support;

/// <summary>
/// One operation of the API as its own OpenAPI document (<c>/openapi/v1.json</c>) describes it:
/// the tests walk the document, so an endpoint added tomorrow is probed tomorrow.
/// </summary>
/// <param name="Roles">The roles that may call it (<c>x-roles</c>; empty: anyone signed in); null for a public operation.</param>
/// <param name="BodySchema">The request body's schema name, if it takes one.</param>
public sealed record ApiOperation(HttpMethod Method, string Template, IReadOnlyList<string> PathParameters, IReadOnlyList<string> QueryParameters,
    IReadOnlyList<string>? Roles, string? BodySchema)
{
    public static readonly string[] AllRoles = ["shopper", "marketing", "merchant", "admin"];

    public bool IsPublic => Roles is null;

    public bool Admits(string role) => Roles is null || Roles.Count == 0 || Roles.Contains(role, StringComparer.Ordinal);

    /// <summary>A role this operation admits, for requests that should get past authorization.</summary>
    public string? AdmittedRole => Roles switch
    {
        null => null,
        [] => "shopper",
        _ => Roles[0],
    };

    public string Path(Func<string, string> valueOf) =>
        PathParameters.Aggregate(Template, (path, name) => path.Replace("{" + name + "}", valueOf(name)));

    public override string ToString() => $"{Method} {Template}";

    public static async Task<IReadOnlyList<ApiOperation>> ReadAllAsync(HttpClient client)
    {
        var document = await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var operations = new List<ApiOperation>();
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject())
            {
                var parameters = operation.Value.TryGetProperty("parameters", out var list) ? list.EnumerateArray().ToList() : [];
                string[] Named(string where) =>
                    [.. parameters.Where(p => p.GetProperty("in").GetString() == where).Select(p => p.GetProperty("name").GetString()!)];
                var roles = operation.Value.TryGetProperty("x-roles", out var xRoles)
                    ? xRoles.EnumerateArray().Select(r => r.GetString()!).ToList()
                    : null;
                string? body = null;
                if (operation.Value.TryGetProperty("requestBody", out var requestBody)
                    && requestBody.GetProperty("content").TryGetProperty("application/json", out var json)
                    && json.GetProperty("schema").TryGetProperty("$ref", out var reference))
                {
                    body = reference.GetString()!.Split('/')[^1];
                }

                operations.Add(new ApiOperation(new HttpMethod(operation.Name.ToUpperInvariant()), path.Name, Named("path"), Named("query"), roles, body));
            }
        }

        return operations;
    }
}
