using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FlashSale.Tests.Infrastructure;
using Npgsql;

namespace FlashSale.Tests.Money.Model;

/// <summary>
/// Waits for the recycling campaign's coupons to expire and for the recycler to have dealt with
/// them: until the server's clock passes the last expiry, then until the recycler's progress covers
/// every coupon and the campaign's live stock counts what it gave back. Answers the units recycled
/// (a 504 <c>recycler_stalled</c> if that never happens within 15 s).
/// </summary>
public sealed record RecycleTickCall(Guid Campaign, int Stock) : Call
{
    public override async Task<Answer> SendAsync(Stage stage)
    {
        if (await ScalarAsync<DateTime?>(stage.Database, "SELECT max(expires_at) FROM coupons WHERE campaign_id = $1") is { } last)
        {
            var expiry = new DateTimeOffset(last, TimeSpan.Zero);
            await Eventually.ReturnsAsync(async () =>
            {
                var wait = expiry - DateTimeOffset.UtcNow;
                await Task.Delay(wait > TimeSpan.Zero ? wait : TimeSpan.Zero);
                return (await stage.Public.GetFromJsonAsync<JsonElement>("/api/time")).GetProperty("now").GetDateTimeOffset();
            }, now => now > expiry);
        }

        var (done, recycled, at) = await Eventually.ReturnsAsync(async () =>
        {
            var seen = await ScalarAsync<int>(stage.Database, "SELECT coalesce((SELECT last_seq FROM recycle_progress WHERE campaign_id = $1), 0)");
            var issued = await ScalarAsync<int>(stage.Database, "SELECT coalesce(max(seq), 0) FROM coupons WHERE campaign_id = $1");
            var recycled = await ScalarAsync<int>(stage.Database, "SELECT recycled FROM campaign_stock WHERE campaign_id = $1");
            var live = (await stage.Public.GetFromJsonAsync<JsonElement>($"/api/campaigns/{Campaign}")).GetProperty("totalStock").GetInt32();
            return (seen >= issued && live == Stock + recycled, recycled, DateTimeOffset.UtcNow);
        }, probe => probe.Item1);

        var body = JsonSerializer.SerializeToElement(done ? new { recycled, at, code = (string?)null } : new { recycled, at, code = (string?)"recycler_stalled" });
        return new Answer(done ? HttpStatusCode.OK : HttpStatusCode.GatewayTimeout, body, false);
    }

    public override Outcome Observe(Answer answer) =>
        Succeeded(answer) ? Outcome.Ok($"recycled={answer.Body.GetProperty("recycled").GetInt32()}") : Refusal(answer);

    public override Outcome Expect(WalletModel model, Moment at, Answer answer) =>
        model.RecycleTick(Campaign, answer.Body.GetProperty("recycled").GetInt32(), answer.Body.GetProperty("at").GetDateTimeOffset());

    public override string ToString() => $"recycling tick campaign={Campaign}";

    private async Task<T> ScalarAsync<T>(NpgsqlDataSource database, string sql)
    {
        await using var command = database.CreateCommand(sql);
        command.Parameters.Add(new() { Value = Campaign });
        var value = await command.ExecuteScalarAsync();
        return value is DBNull or null ? default! : (T)value;
    }
}
