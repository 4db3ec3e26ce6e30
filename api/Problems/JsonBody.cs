using System.Text.Json;

namespace FlashSale.Api.Problems;

/// <summary>
/// Reads a JSON body ourselves rather than through parameter binding, so that malformed JSON and
/// wrong types get a problem with a code and the offending path instead of a bare 400.
/// </summary>
public static class JsonBody
{
    public static async Task<(T? Body, IResult? Problem)> Read<T>(HttpRequest request) where T : class
    {
        if (!request.HasJsonContentType())
        {
            return (null, Problem.Of(StatusCodes.Status415UnsupportedMediaType, "unsupported_media_type",
                "The body must be JSON (Content-Type: application/json)."));
        }

        try
        {
            var options = request.HttpContext.RequestServices
                .GetRequiredService<Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
            var body = await JsonSerializer.DeserializeAsync<T>(request.Body, options, request.HttpContext.RequestAborted);
            return body is null
                ? (null, Problem.MalformedJson("$", "The body must be a JSON object."))
                : (body, null);
        }
        catch (JsonException e)
        {
            return (null, Problem.MalformedJson(e.Path, "Not valid JSON, or a value of the wrong type."));
        }
    }
}
