using Microsoft.AspNetCore.Mvc;

namespace FlashSale.Api.Problems;

/// <summary>
/// Refusals as RFC 9457 problem details, each with a stable machine-readable <c>code</c>
/// extension that clients can switch on (the title and detail are for people and may change).
/// </summary>
public static class Problem
{
    public static IResult Of(int status, string code, string title, string? detail = null, IDictionary<string, object?>? extensions = null)
    {
        var all = new Dictionary<string, object?>(StringComparer.Ordinal) { ["code"] = code };
        if (extensions is not null)
        {
            foreach (var (key, value) in extensions)
            {
                all[key] = value;
            }
        }

        return Results.Problem(statusCode: status, title: title, detail: detail, extensions: all);
    }

    public static IResult Validation(IDictionary<string, string[]> errors, string title = "The request has invalid fields.") =>
        Results.ValidationProblem(errors, title: title, extensions: new Dictionary<string, object?>(StringComparer.Ordinal) { ["code"] = "validation_failed" });

    public static IResult InvalidHeaders(IDictionary<string, string[]> errors) =>
        Results.ValidationProblem(errors, title: "The request has missing or malformed headers.",
            extensions: new Dictionary<string, object?>(StringComparer.Ordinal) { ["code"] = "invalid_header" });

    /// <summary>The <c>code</c> of a problem made here; <c>bad_request</c> for any other result.</summary>
    public static string CodeOf(IResult problem) =>
        problem is IValueHttpResult { Value: ProblemDetails { Extensions: var extensions } } && extensions.TryGetValue("code", out var code) && code is string text
            ? text
            : "bad_request";

    public static IResult MalformedJson(string? path, string message) =>
        Results.ValidationProblem(
            new Dictionary<string, string[]>(StringComparer.Ordinal) { [string.IsNullOrEmpty(path) ? "$" : path] = [message] },
            title: "The request body is not valid JSON of the expected shape.",
            extensions: new Dictionary<string, object?>(StringComparer.Ordinal) { ["code"] = "malformed_json" });
}
