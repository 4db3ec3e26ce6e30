// Push latency: N dashboards subscribe to one campaign over SignalR and time every inventory
// snapshot from the earliest commit it is the first to include (the grain stamps it) to its arrival.
// Options and output: PushLatencyCommand, or --help.
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using FlashSale.LoadGen.Setup;
using FlashSale.LoadGen.Stats;
using FlashSale.PushLatency;
using Microsoft.AspNetCore.SignalR.Client;

return await new PushLatencyCommand().InvokeAsync(args, RunAsync);

static async Task<int> RunAsync(PushLatencyOptions options)
{
    var minter = new LocalTokenMinter(options.SigningKey, "flashsale", "flashsale-api");
    using var http = new HttpClient { BaseAddress = options.BaseUrl };
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
    foreach (var batch in Enumerable.Range(0, options.Dashboards).Chunk(50))
    {
        var opened = batch.Select(async _ =>
        {
            var connection = new HubConnectionBuilder().WithUrl(new Uri(options.BaseUrl, "/hubs/live")).Build();
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

    Volatile.Write(ref measureFromTicks, (DateTimeOffset.UtcNow + options.Warmup).UtcTicks);
    Console.WriteLine("ready");
    await Task.Delay(options.Listen);
    Console.WriteLine($"dashboards {options.Dashboards}, snapshots received {received:N0} ({received / (double)options.Dashboards:N1} per dashboard in {options.Listen.TotalSeconds:N0} s)");
    var w = warmupLatency.Summarize();
    Console.WriteLine($"warm-up: commit -> dashboard ms  p50 {w.P50:N1}  p90 {w.P90:N1}  p99 {w.P99:N1}  p99.9 {w.P999:N1}  max {w.Max:N1}");
    var summary = latency.Summarize();
    Console.WriteLine($"commit -> dashboard ms  p50 {summary.P50:N1}  p90 {summary.P90:N1}  p99 {summary.P99:N1}  p99.9 {summary.P999:N1}  max {summary.Max:N1}");
    await Task.WhenAll(connections.Select(c => c.DisposeAsync().AsTask()));
    return 0;
}
