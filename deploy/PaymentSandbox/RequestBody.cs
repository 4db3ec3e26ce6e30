using System.Text.Json;

namespace FlashSale.PaymentSandbox;

/// <summary>Reads a JSON body by hand, so that malformed JSON gets the gateway's PARAM_ERROR rather than ASP.NET's empty 400.</summary>
internal static class RequestBody
{
    /// <summary>The body, or <paramref name="whenEmpty"/> when there is none (null: a body is required).</summary>
    public static async Task<(T? Body, IResult? Refusal)> ReadAsync<T>(HttpRequest request, JsonSerializerOptions options, T? whenEmpty = null)
        where T : class
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, request.HttpContext.RequestAborted);
        if (buffer.Length == 0)
        {
            return whenEmpty is null ? (null, GatewayErrors.ParamError("A JSON body is required")) : (whenEmpty, null);
        }

        try
        {
            var body = JsonSerializer.Deserialize<T>(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), options);
            return body is null ? (null, GatewayErrors.ParamError("The body must be a JSON object")) : (body, null);
        }
        catch (JsonException e)
        {
            return (null, GatewayErrors.ParamError(e.Path is null ? "The body is not valid JSON" : $"The body is not valid JSON for this call at {e.Path}"));
        }
    }
}
