namespace FlashSale.Api.Problems;

public static class UnavailableResult
{
    /// <summary>503 with Retry-After: nothing was issued under the key, so the same request may be sent again.</summary>
    public static IResult Unavailable(this IResultExtensions _) => new RetryLater();

    private sealed class RetryLater : IResult
    {
        public Task ExecuteAsync(HttpContext context)
        {
            context.Response.Headers.RetryAfter = "1";
            return Problem.Of(StatusCodes.Status503ServiceUnavailable, "unavailable",
                "The claim could not be committed; retry with the same Idempotency-Key.").ExecuteAsync(context);
        }
    }
}
