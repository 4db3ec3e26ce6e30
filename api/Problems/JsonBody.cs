using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace FlashSale.Api.Problems;

/// <summary>
/// Reads a JSON body ourselves rather than through parameter binding, so that malformed JSON and
/// wrong types get a problem with a code and the offending path instead of a bare 400.
/// </summary>
public static class JsonBody
{
    // A property given twice is refused: otherwise whichever copy wins depends on the reader, and a
    // proxy or audit that reads the other one sees a different request than the one carried out.
    private static JsonSerializerOptions? _strict;

    public static async Task<(T? Body, IResult? Problem)> Read<T>(HttpRequest request) where T : class
    {
        if (!request.HasJsonContentType())
        {
            return (null, Problem.Of(StatusCodes.Status415UnsupportedMediaType, "unsupported_media_type",
                "The body must be JSON (Content-Type: application/json)."));
        }

        try
        {
            var body = await JsonSerializer.DeserializeAsync<T>(request.Body, StrictOptions(request), request.HttpContext.RequestAborted);
            return body is null
                ? (null, Problem.MalformedJson("$", "The body must be a JSON object."))
                : (body, null);
        }
        catch (JsonException e)
        {
            return (null, Problem.MalformedJson(e.Path, "Not valid JSON, or a value of the wrong type."));
        }
        catch (ArgumentException) when (typeof(T).IsAssignableTo(typeof(System.Text.Json.Nodes.JsonNode)))
        {
            // How a JSON object read as a node reports a repeated property (names compare case-insensitively).
            return (null, Problem.MalformedJson("$", "A property is given more than once."));
        }
    }

    private static JsonSerializerOptions StrictOptions(HttpRequest request) =>
        _strict ??= new JsonSerializerOptions(request.HttpContext.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions)
        {
            AllowDuplicateProperties = false,
        };
}
