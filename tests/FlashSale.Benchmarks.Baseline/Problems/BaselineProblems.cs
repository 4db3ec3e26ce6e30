using StackExchange.Redis;

namespace FlashSale.Benchmarks.Baseline.Problems;

/// <summary>
/// Problem details as FlashSale writes them: every problem carries a <c>code</c>, including those the
/// framework writes itself (401, 403, 404), and a Redis that cannot answer is a 503 worth retrying with
/// the same key, never a 500, so the load generator counts the same outcomes for every system.
/// </summary>
public static class BaselineProblems
{
    public static IServiceCollection AddBaselineProblems(this IServiceCollection services) =>
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            var status = context.ProblemDetails.Status ?? context.HttpContext.Response.StatusCode;
            context.ProblemDetails.Extensions.TryAdd("code", CodeFor(status));
            if (status == StatusCodes.Status503ServiceUnavailable)
            {
                context.HttpContext.Response.Headers.RetryAfter = "1";
            }
        });

    public static IApplicationBuilder UseBaselineExceptionHandler(this IApplicationBuilder app) =>
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            // RedisTimeoutException is a TimeoutException, not a RedisException.
            StatusCodeSelector = exception => exception is RedisException or TimeoutException
                ? StatusCodes.Status503ServiceUnavailable
                : StatusCodes.Status500InternalServerError,
        });

    public static IResult Of(int status, string code, string title) =>
        Results.Problem(statusCode: status, title: title, extensions: new Dictionary<string, object?>(StringComparer.Ordinal) { ["code"] = code });

    public static IResult Validation(IDictionary<string, string[]> errors, string code, string title) =>
        Results.ValidationProblem(errors, title: title, extensions: new Dictionary<string, object?>(StringComparer.Ordinal) { ["code"] = code });

    private static string CodeFor(int status) => status switch
    {
        StatusCodes.Status401Unauthorized => "unauthenticated",
        StatusCodes.Status403Forbidden => "forbidden",
        StatusCodes.Status404NotFound => "not_found",
        StatusCodes.Status405MethodNotAllowed => "method_not_allowed",
        StatusCodes.Status415UnsupportedMediaType => "unsupported_media_type",
        StatusCodes.Status503ServiceUnavailable => "unavailable",
        _ => status >= 500 ? "internal_error" : "bad_request",
    };
}
