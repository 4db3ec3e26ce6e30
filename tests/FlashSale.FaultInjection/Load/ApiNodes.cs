namespace FlashSale.FaultInjection.Load;

/// <summary>
/// The API nodes as clients see them: one HTTP client each, and the run's clock, so that every
/// request, claim or money, is timed on the same clock as the faults.
/// </summary>
public sealed class ApiNodes(IReadOnlyList<Uri> addresses, RunClock clock, TimeSpan timeout, int connections) : IDisposable
{
    private readonly HttpClient[] _clients = addresses.Select(address => new HttpClient(
        new SocketsHttpHandler { MaxConnectionsPerServer = connections, ConnectTimeout = timeout })
    {
        BaseAddress = address,
        Timeout = timeout,
    }).ToArray();

    public int Count => _clients.Length;

    public RunClock Clock => clock;

    /// <summary>Sends the request to node <paramref name="node"/> (modulo the count); a timeout or a broken connection is an exchange without a status.</summary>
    public async Task<Exchange> SendAsync(HttpRequestMessage request, int node)
    {
        node %= _clients.Length;
        var sentAt = clock.Now;
        try
        {
            using var response = await _clients[node].SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            var replayed = response.Headers.TryGetValues("Idempotent-Replayed", out var values) && values.Contains("true", StringComparer.Ordinal);
            return new Exchange(node, sentAt, clock.Now, (int)response.StatusCode, body, replayed, null);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
        {
            return new Exchange(node, sentAt, clock.Now, 0, "", false, e is TaskCanceledException ? "timeout" : "transport");
        }
    }

    public void Dispose()
    {
        foreach (var client in _clients)
        {
            client.Dispose();
        }
    }
}

/// <summary>One request and its answer as it came: status 0 with <see cref="Failure"/> when none came.</summary>
public sealed record Exchange(int Node, TimeSpan SentAt, TimeSpan AnsweredAt, int Status, string Body, bool Replayed, string? Failure)
{
    public Outcome Outcome => Status switch
    {
        >= 200 and < 300 => Outcome.Acknowledged,
        >= 400 and < 500 => Outcome.Refused,
        _ => Outcome.Unknown,
    };
}
