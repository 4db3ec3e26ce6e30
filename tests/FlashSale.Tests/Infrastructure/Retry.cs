using System.Net;

namespace FlashSale.Tests.Infrastructure;

public static class Retry
{
    /// <summary>
    /// As clients do after a crash: the same request (same key) again, a second apart, while the
    /// answer is "unavailable" or none came, for up to a minute.
    /// </summary>
    public static async Task<HttpStatusCode?> UntilAnsweredAsync(Func<Task<HttpStatusCode?>> send)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var status = await send();
            if (status is not (null or HttpStatusCode.ServiceUnavailable) || DateTime.UtcNow > deadline)
            {
                return status;
            }

            await Task.Delay(TimeSpan.FromSeconds(1));
        }
    }
}
