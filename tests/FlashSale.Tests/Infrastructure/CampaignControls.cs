using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace FlashSale.Tests.Infrastructure;

/// <summary>Marketing's controls over HTTP, as the tests call them.</summary>
public static class CampaignControls
{
    public static async Task<(HttpStatusCode Status, JsonElement Body)> ControlAsync(this HttpClient marketer, Guid campaign, string action,
        object? body = null)
    {
        using var response = body is null
            ? await marketer.PostAsync($"/api/campaigns/{campaign}/{action}", null)
            : await marketer.PostAsJsonAsync($"/api/campaigns/{campaign}/{action}", body);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    public static async Task<HttpClient> MarketerAsync(this RunningSystem system, string name) =>
        system.Client(await system.TokenAsync(name, "marketing"));

    public static async Task<ClaimAnswer> ClaimAsShopperAsync(this RunningSystem system, Guid campaign, string shopper, string key)
    {
        using var client = system.Client(await system.TokenAsync(shopper, "shopper"));
        return await client.ClaimAsync(campaign, key);
    }

    public static string? Code(this JsonElement problem) =>
        problem.ValueKind == JsonValueKind.Object && problem.TryGetProperty("code", out var code) ? code.GetString() : null;
}
