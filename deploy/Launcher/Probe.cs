namespace FlashSale.Launcher;

/// <summary>Asks a node's health endpoints whether it is ready, or whether anything answers on an address at all.</summary>
internal sealed class Probe : IDisposable
{
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(4) };

    public Task<bool> IsReadyAsync(Node node, CancellationToken cancellationToken) =>
        AnswersAsync(new Uri(node.ProbeBase + node.ReadyPath), cancellationToken);

    /// <summary>Something already serves /health/live where the node would listen.</summary>
    public Task<bool> IsTakenAsync(Node node, CancellationToken cancellationToken) =>
        AnswersAsync(new Uri(node.ProbeBase + "/health/live"), cancellationToken);

    public void Dispose() => _http.Dispose();

    private async Task<bool> AnswersAsync(Uri url, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await _http.GetAsync(url, cancellationToken);
            return response.IsSuccessStatusCode;
        }
        catch (Exception e) when (e is HttpRequestException || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return false;
        }
    }
}
