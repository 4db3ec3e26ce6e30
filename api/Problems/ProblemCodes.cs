using System.Data.Common;
using Microsoft.AspNetCore.Diagnostics;
using Orleans.Runtime;

namespace FlashSale.Api.Problems;

/// <summary>
/// Gives every problem response a <c>code</c>, including those the framework writes itself
/// (401, 403, 404, 405, 413, 415), and turns exceptions into problems: an unreachable cluster
/// is a 503 worth retrying, never a 500.
/// </summary>
public static class ProblemCodes
{
    public static IServiceCollection AddFlashSaleProblems(this IServiceCollection services)
    {
        services.AddLocalization();
        services.AddSingleton<ProblemMessages>();
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            var problem = context.ProblemDetails;
            problem.Extensions.TryAdd("code", CodeFor(problem.Status ?? context.HttpContext.Response.StatusCode));
            context.HttpContext.RequestServices.GetRequiredService<ProblemMessages>().Translate(problem);
        });
        // After the framework's own writer, which declines clients that do not accept JSON.
        services.AddSingleton<IProblemDetailsWriter, ProblemJsonFallback>();
        services.AddExceptionHandler<ExceptionProblems>();
        return services;
    }

    /// <summary>Before anything that writes a problem: its messages are in the language the request asks for.</summary>
    public static IApplicationBuilder UseFlashSaleProblemLanguages(this IApplicationBuilder app) =>
        app.UseRequestLocalization(ProblemMessages.ChooseByAcceptLanguage);

    private static string CodeFor(int status) => status switch
    {
        StatusCodes.Status400BadRequest => "bad_request",
        StatusCodes.Status401Unauthorized => "unauthenticated",
        StatusCodes.Status403Forbidden => "forbidden",
        StatusCodes.Status404NotFound => "not_found",
        StatusCodes.Status405MethodNotAllowed => "method_not_allowed",
        StatusCodes.Status413PayloadTooLarge => "payload_too_large",
        StatusCodes.Status415UnsupportedMediaType => "unsupported_media_type",
        StatusCodes.Status431RequestHeaderFieldsTooLarge => "headers_too_large",
        StatusCodes.Status503ServiceUnavailable => "unavailable",
        _ => status >= 500 ? "internal_error" : "bad_request",
    };

    /// <summary>
    /// A grain call that failed this way (silo gone, activation unable to read PostgreSQL, timeout) has an
    /// unknown outcome: answered 503, worth retrying (a claim's key, an order id, make it safe).
    /// </summary>
    public static bool IsUnknownOutcome(Exception exception, HttpContext context) =>
        exception is OrleansException or TimeoutException or DbException or OperationCanceledException && !context.RequestAborted.IsCancellationRequested;

    private sealed class ExceptionProblems(IProblemDetailsService problems, ILogger<ExceptionProblems> logger) : IExceptionHandler
    {
        public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
        {
            var (status, code, title) = exception switch
            {
                BadHttpRequestException bad => (bad.StatusCode, CodeFor(bad.StatusCode), "The request could not be read."),
                _ when IsUnknownOutcome(exception, context)
                    => (StatusCodes.Status503ServiceUnavailable, "unavailable", "The service is briefly unavailable; retry with the same Idempotency-Key."),
                _ => (StatusCodes.Status500InternalServerError, "internal_error", "An unexpected error occurred."),
            };
            if (status >= 500)
            {
                ProblemLog.RequestFailed(logger, exception, context.Request.Method, context.Request.Path, status);
            }

            context.Response.StatusCode = status;
            if (status == StatusCodes.Status503ServiceUnavailable)
            {
                context.Response.Headers.RetryAfter = "1";
            }

            return await problems.TryWriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                Exception = exception,
                ProblemDetails = { Status = status, Title = title, Extensions = { ["code"] = code } },
            });
        }
    }
}

internal static partial class ProblemLog
{
    [LoggerMessage(EventId = 1001, Level = LogLevel.Warning, Message = "Request {Method} {Path} failed with {Status}")]
    public static partial void RequestFailed(ILogger logger, Exception exception, string method, PathString path, int status);
}
