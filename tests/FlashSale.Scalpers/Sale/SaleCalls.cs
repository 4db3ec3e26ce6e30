using System.Diagnostics;
using FlashSale.Scalpers.Crowd;

namespace FlashSale.Scalpers.Sale;

/// <summary>The two calls of the race, as the shop page (or a script) makes them: read the campaign, claim a coupon.</summary>
public static class SaleCalls
{
    /// <returns>The status, 0 for no answer.</returns>
    public static async Task<int> ReadAsync(HttpClient client, SaleTarget sale, string authorization, HeaderSet headers, string device, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, sale.ReadPath);
        request.Headers.TryAddWithoutValidation("Authorization", authorization);
        request.Headers.TryAddWithoutValidation("X-Device-Id", device);
        headers.ApplyTo(request);
        try
        {
            using var response = await client.SendAsync(request, cancellationToken);
            await response.Content.LoadIntoBufferAsync(cancellationToken);
            return (int)response.StatusCode;
        }
        catch (Exception e) when (e is HttpRequestException or IOException || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return 0;
        }
    }

    /// <param name="solution">The solved challenge for <c>X-Altcha</c>, once there is one.</param>
    /// <returns>The answer and its latency (from sending to the whole answer read).</returns>
    public static async Task<(ClaimAnswer Answer, long SentAt, long AnsweredAt)> ClaimAsync(HttpClient client, SaleTarget sale, string authorization,
        HeaderSet headers, string key, string device, string? solution, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, sale.ClaimPath);
        request.Headers.TryAddWithoutValidation("Authorization", authorization);
        request.Headers.TryAddWithoutValidation("Idempotency-Key", key);
        request.Headers.TryAddWithoutValidation("X-Device-Id", device);
        if (solution is not null)
        {
            request.Headers.TryAddWithoutValidation("X-Altcha", solution);
        }

        headers.ApplyTo(request);
        var sentAt = Stopwatch.GetTimestamp();
        try
        {
            using var response = await client.SendAsync(request, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            var retryAfter = response.Headers.RetryAfter?.Delta;
            return (ClaimAnswer.Of((int)response.StatusCode, body, retryAfter), sentAt, Stopwatch.GetTimestamp());
        }
        catch (Exception e) when (e is HttpRequestException or IOException)
        {
            return (new ClaimAnswer(0, "transport", null, null), sentAt, Stopwatch.GetTimestamp());
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (new ClaimAnswer(0, "timeout", null, null), sentAt, Stopwatch.GetTimestamp());
        }
    }
}
