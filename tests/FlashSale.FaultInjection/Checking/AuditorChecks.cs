using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using FlashSale.FaultInjection.Cluster;
using FlashSale.FaultInjection.Load;

namespace FlashSale.FaultInjection.Checking;

/// <summary>
/// The auditor of the books runs in the cluster through every fault, as it would in production, and must agree with the
/// checker: no breach raised, in any silo's log (a killed silo's auditor takes its memory with it, not its log), nor in
/// the report of the auditor running now. A false alarm under faults fails the run as surely as a missed breach would.
/// </summary>
public static class AuditorChecks
{
    public static async Task AddAsync(CheckList checks, Uri api, Tokens tokens, IEnumerable<NodeProcess> silos)
    {
        var quietSince = DateTimeOffset.UtcNow;
        var (report, passedAfter) = await PassAfterAsync(api, await tokens.ForAsync(Staff.Admin), quietSince);
        var logged = silos.Sum(silo => silo.AuditBreaches);
        var reported = report?.GetProperty("breaches").EnumerateArray()
            .Select(b => $"{b.GetProperty("invariant").GetString()} {b.GetProperty("subject").GetString()}").ToList() ?? [];
        var passes = report?.GetProperty("passes").GetInt64() ?? 0;
        checks.Add("the auditor of the books, running through the faults, raised no breach and passed after the load",
            passes, logged + reported.Count + (passedAfter ? 0 : 1),
            $"{passes:N0} passes by the auditor now active"
            + (passedAfter ? $", its last, after the load, took {report!.Value.GetProperty("lastPassMilliseconds").GetDouble():0} ms" : "; none after the load within two minutes")
            + $"; breaches in silo logs: {logged}; in its report: {reported.Count}" + CheckList.Examples(reported, b => b));
    }

    /// <summary>
    /// The report once a pass has begun after <paramref name="since"/>: the second to end after it. A silo restarted late
    /// may still be taking its grains back, and a dead silo's auditor comes back by its reminder within a minute.
    /// </summary>
    private static async Task<(JsonElement? Report, bool PassedAfter)> PassAfterAsync(Uri api, string adminToken, DateTimeOffset since)
    {
        using var http = new HttpClient { BaseAddress = api, Timeout = TimeSpan.FromSeconds(10) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", adminToken);
        var deadline = DateTimeOffset.UtcNow.AddMinutes(2);
        JsonElement? last = null;
        DateTimeOffset? firstAfter = null;
        while (DateTimeOffset.UtcNow < deadline)
        {
            try
            {
                var report = await http.GetFromJsonAsync<JsonElement>("/api/admin/audit");
                last = report;
                if (report.GetProperty("lastPassAt") is { ValueKind: JsonValueKind.String } ended && ended.GetDateTimeOffset() > since)
                {
                    firstAfter ??= ended.GetDateTimeOffset();
                    if (ended.GetDateTimeOffset() > firstAfter)
                    {
                        return (report, true);
                    }
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not answered yet: asked again below.
            }

            await Task.Delay(TimeSpan.FromSeconds(1));
        }

        return (last, false);
    }
}
