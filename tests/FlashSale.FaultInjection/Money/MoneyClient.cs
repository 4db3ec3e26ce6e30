using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using FlashSale.FaultInjection.Load;

namespace FlashSale.FaultInjection.Money;

/// <summary>Sends money requests and marketing controls, each with its actor's token, and reads what came back.</summary>
public sealed class MoneyClient(ApiNodes nodes, Tokens tokens)
{
    public int Nodes => nodes.Count;

    public async Task<MoneyAttempt> SendAsync(MoneyRequest money, int node)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, money.Path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await tokens.ForAsync(money.Actor));
        if (money.Key is { } key)
        {
            request.Headers.Add("Idempotency-Key", key);
        }

        if (money.Body is { } body)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        var exchange = await nodes.SendAsync(request, node);
        var (code, json) = Read(exchange);
        return new MoneyAttempt(money, exchange.Node, exchange.SentAt, exchange.AnsweredAt, exchange.Outcome, exchange.Status, code, exchange.Replayed, json);
    }

    private static (string Code, JsonElement? Body) Read(Exchange exchange)
    {
        if (exchange.Failure is { } failure)
        {
            return (failure, null);
        }

        try
        {
            var root = JsonDocument.Parse(exchange.Body).RootElement.Clone();
            return exchange.Outcome == Outcome.Acknowledged ? ("", root)
                : (root.TryGetProperty("code", out var code) && code.ValueKind == JsonValueKind.String ? code.GetString()! : "", null);
        }
        catch (JsonException)
        {
            return (exchange.Outcome == Outcome.Acknowledged ? "" : "unreadable", null);
        }
    }
}
