using System.Net.Http.Json;

namespace FlashSale.LoadGen.Setup;

/// <summary>Asks a FlashSale API (Development environment) for tokens: <c>POST /api/dev/tokens</c>.</summary>
public sealed class DevTokenEndpointMinter(HttpClient http, Uri serverUrl) : ITokenMinter
{
    private readonly Uri _endpoint = new(serverUrl, "api/dev/tokens");

    // Enough to keep a 2-core server busy without queueing thousands of setup calls in it.
    public int Parallelism => 32;

    public async ValueTask<string> MintAsync(string userId, string role, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsJsonAsync(_endpoint, new { userId, roles = new[] { role } }, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            throw new SetupException($"POST {_endpoint} for {userId} answered {(int)response.StatusCode}: {body}");
        }

        var minted = await response.Content.ReadFromJsonAsync<MintedToken>(cancellationToken);
        return minted?.Token ?? throw new SetupException($"POST {_endpoint} answered without a token");
    }

    private sealed record MintedToken(string Token);
}
