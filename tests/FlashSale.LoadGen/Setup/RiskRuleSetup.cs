using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace FlashSale.LoadGen.Setup;

/// <summary>
/// Puts a <see cref="RiskRuleFile"/>'s rules in force for some campaigns through the admin API, and removes them
/// again. The node that saves a rule applies it at once; other nodes within a second (README, "Risk rules").
/// </summary>
public sealed class RiskRuleSetup(HttpClient http, Uri baseUrl, string adminToken)
{
    private readonly Uri _rules = new(baseUrl, "api/admin/risk/rules");

    /// <returns>The saved rules' ids, for <see cref="RemoveAsync"/>.</returns>
    public async Task<IReadOnlyList<Guid>> SaveAsync(RiskRuleFile file, IEnumerable<Guid> campaigns)
    {
        var ids = new List<Guid>();
        foreach (var campaign in campaigns)
        {
            for (var rule = 0; rule < file.Rules.Count; rule++)
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, _rules) { Content = JsonContent.Create(file.For(rule, campaign)) };
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", adminToken);
                using var response = await http.SendAsync(request);
                var text = await response.Content.ReadAsStringAsync();
                if (!response.IsSuccessStatusCode)
                {
                    throw new SetupException($"POST {_rules} ({file.Path}, rule {rule + 1}) answered {(int)response.StatusCode}: {text}");
                }

                ids.Add(JsonDocument.Parse(text).RootElement.GetProperty("id").GetGuid());
            }
        }

        return ids;
    }

    /// <summary>Removes the rules (each removal is a revision on record); one already gone is no error.</summary>
    public async Task RemoveAsync(IEnumerable<Guid> ids)
    {
        foreach (var id in ids)
        {
            using var request = new HttpRequestMessage(HttpMethod.Delete, new Uri(baseUrl, $"api/admin/risk/rules/{id}"));
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", adminToken);
            using var response = await http.SendAsync(request);
            if (!response.IsSuccessStatusCode && response.StatusCode != System.Net.HttpStatusCode.NotFound)
            {
                throw new SetupException($"DELETE rule {id} answered {(int)response.StatusCode}");
            }
        }
    }
}
