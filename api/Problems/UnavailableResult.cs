namespace FlashSale.Api.Problems;

public static class UnavailableResult
{
    /// <summary>503 with Retry-After: the outcome is not known here; the same request (its key or order id) may be sent again and gets the one answer.</summary>
    public static IResult Unavailable(this IResultExtensions _, string title = "The claim could not be committed; retry with the same Idempotency-Key.") =>
        new RetryLater(title);

    private sealed class RetryLater(string title) : IResult
    {
        public Task ExecuteAsync(HttpContext context)
        {
            context.Response.Headers.RetryAfter = "1";
            return Problem.Of(StatusCodes.Status503ServiceUnavailable, "unavailable", title).ExecuteAsync(context);
        }
    }
}
