using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace FlashSale.Tests.Infrastructure;

/// <summary>The admin's risk endpoints, over real HTTP.</summary>
public static class RiskAdmin
{
    public static async Task<HttpClient> AdminAsync(this RunningSystem system) =>
        system.Client(await system.TokenAsync("admin-" + Guid.NewGuid().ToString("N")[..8], "admin"));

    public static async Task<Guid> BlockAsync(this HttpClient admin, string kind, string value, DateTimeOffset? expiresAt = null)
    {
        var response = await admin.PostAsJsonAsync("/api/admin/blocks", new { kind, value, reason = "test: " + kind, expiresAt });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    /// <summary>The decisions matching the query; none while the admin is rate limited (on a node with tight limits).</summary>
    public static async Task<JsonElement[]> DecisionsAsync(this HttpClient admin, string query)
    {
        using var response = await admin.GetAsync("/api/admin/risk/decisions?" + query);
        if (response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            return [];
        }

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement[]>() ?? [];
    }

    /// <summary>The decisions matching the query once at least <paramref name="atLeast"/> are recorded (the audit is written in the background).</summary>
    public static Task<JsonElement[]> DecisionsEventuallyAsync(this HttpClient admin, string query, int atLeast = 1) =>
        Eventually.ReturnsAsync(() => admin.DecisionsAsync(query), found => found.Length >= atLeast);

    public static async Task<Dictionary<string, long>> RuleCountsAsync(this HttpClient admin, Guid campaignId)
    {
        var counts = await admin.GetFromJsonAsync<JsonElement[]>($"/api/admin/risk/campaigns/{campaignId}/rules") ?? [];
        return counts.ToDictionary(c => c.GetProperty("rule").GetString()! + "/" + c.GetProperty("verdict").GetString(),
            c => c.GetProperty("decisions").GetInt64(), StringComparer.Ordinal);
    }

    /// <summary>Saves a rule (a new one, or the next revision of <paramref name="id"/>); returns it as the API answered.</summary>
    public static async Task<JsonElement> SaveRuleAsync(this HttpClient admin, object rule, Guid? id = null)
    {
        using var response = id is { } existing
            ? await admin.PutAsJsonAsync($"/api/admin/risk/rules/{existing}", rule)
            : await admin.PostAsJsonAsync("/api/admin/risk/rules", rule);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.StatusCode == (id is null ? HttpStatusCode.Created : HttpStatusCode.OK), $"{(int)response.StatusCode}: {body}");
        return body;
    }
}
