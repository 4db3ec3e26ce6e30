// Push latency: N dashboards subscribe to one campaign over SignalR and time every inventory
// snapshot from the earliest commit it is the first to include (the grain stamps it) to its arrival.
// Run it beside a claim rush on that campaign (tests/benchmark/push-latency.sh does both).
//
// Usage: dotnet FlashSale.PushLatency.dll --base-url URL --signing-key K [--dashboards 1000] [--listen 00:00:25]
//        [--warmup 00:00:06]
// It creates the campaign, prints "campaign <id>" and "ready" once every dashboard is subscribed,
// listens, then prints the figures. Snapshots of commits made within --warmup of "ready" (the
// rush's own warm-up, as the claim benchmarks leave theirs out) are reported apart.
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using FlashSale.LoadGen.Setup;
using FlashSale.LoadGen.Stats;
using Microsoft.AspNetCore.SignalR.Client;

var settings = args.Chunk(2).Where(p => p.Length == 2).ToDictionary(p => p[0].TrimStart('-'), p => p[1]);
var baseUrl = new Uri(settings.GetValueOrDefault("base-url", "http://127.0.0.1:5000"));
if (!baseUrl.IsLoopback)
{
    Console.Error.WriteLine("push-latency: --base-url must be loopback");
    return 2;
}

var dashboards = int.Parse(settings.GetValueOrDefault("dashboards", "1000"));
var listen = TimeSpan.Parse(settings.GetValueOrDefault("listen", "00:00:25"));
var warmup = TimeSpan.Parse(settings.GetValueOrDefault("warmup", "00:00:06"));
var minter = new LocalTokenMinter(settings["signing-key"], "flashsale", "flashsale-api");

using var http = new HttpClient { BaseAddress = baseUrl };
http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await minter.MintAsync("push-latency", "marketing", default));
var created = await http.PostAsJsonAsync("/api/campaigns", new
{
    name = "push latency",
    coupon = new { kind = "fixed", currency = "CNY", amountOff = 5 },
    totalStock = 10_000_000,
    perUserLimit = 1000,
    startsAt = DateTimeOffset.UtcNow.AddSeconds(-1),
    endsAt = DateTimeOffset.UtcNow.AddHours(1),
    validity = new { days = 1 },
});
created.EnsureSuccessStatusCode();
var campaign = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
Console.WriteLine($"campaign {campaign}");

var latency = new LatencyHistogram();
var warmupLatency = new LatencyHistogram();
var measureFromTicks = long.MaxValue;
var received = 0L;
var connections = new List<HubConnection>();
foreach (var batch in Enumerable.Range(0, dashboards).Chunk(50))
{
    var opened = batch.Select(async _ =>
    {
        var connection = new HubConnectionBuilder().WithUrl(new Uri(baseUrl, "/hubs/live")).Build();
        connection.On<JsonElement>("inventory", snapshot =>
        {
            var arrived = DateTimeOffset.UtcNow;
            Interlocked.Increment(ref received);
            if (snapshot.TryGetProperty("firstCommitAt", out var first) && first.ValueKind == JsonValueKind.String)
            {
                // Same machine, same clock: the commit's wall time against this arrival's.
                var committed = first.GetDateTimeOffset();
                var elapsed = arrived - committed;
                var now = Stopwatch.GetTimestamp();
                (committed.UtcTicks >= Volatile.Read(ref measureFromTicks) ? latency : warmupLatency).Record(now - (long)(elapsed.TotalSeconds * Stopwatch.Frequency), now);
            }
        });
        await connection.StartAsync();
        await connection.InvokeAsync<JsonElement>("Subscribe", campaign);
        return connection;
    });
    connections.AddRange(await Task.WhenAll(opened));
}

Volatile.Write(ref measureFromTicks, (DateTimeOffset.UtcNow + warmup).UtcTicks);
Console.WriteLine("ready");
await Task.Delay(listen);
Console.WriteLine($"dashboards {dashboards}, snapshots received {received:N0} ({received / (double)dashboards:N1} per dashboard in {listen.TotalSeconds:N0} s)");
var w = warmupLatency.Summarize();
Console.WriteLine($"warm-up: commit -> dashboard ms  p50 {w.P50:N1}  p90 {w.P90:N1}  p99 {w.P99:N1}  p99.9 {w.P999:N1}  max {w.Max:N1}");
var summary = latency.Summarize();
Console.WriteLine($"commit -> dashboard ms  p50 {summary.P50:N1}  p90 {summary.P90:N1}  p99 {summary.P99:N1}  p99.9 {summary.P999:N1}  max {summary.Max:N1}");
await Task.WhenAll(connections.Select(c => c.DisposeAsync().AsTask()));
return 0;
