using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace FlashSale.Grains.Payments;

/// <summary>
/// A channel of a WeChat-Pay-v3-style gateway over HTTP (deploy/PaymentSandbox/PROTOCOL.md). The client's
/// base address is the gateway's; every route starts with the channel's name. Calls are not retried
/// here: the caller's breaker and retry policy decide.
/// </summary>
public sealed class WeChatPayGateway(string channel, string mchId, HttpClient http) : IPaymentGateway
{
    private const string Currency = "CNY";
    private readonly string _root = Uri.EscapeDataString(channel) + "/v3/";

    public string Channel => channel;

    public async Task<string> CreateAsync(GatewayPaymentRequest request, CancellationToken ct)
    {
        var body = new NativeCreateJson(mchId, request.Description, request.OutTradeNo, GatewayTime.Format(request.TimeExpire), request.Attach,
            request.NotifyUrl, new AmountJson { Total = request.AmountFen, Currency = Currency });
        using var response = await SendAsync(HttpMethod.Post, "pay/transactions/native", JsonContent.Create(body, GatewayJson.Default.NativeCreateJson), ct);
        await ThrowUnlessAsync(response, HttpStatusCode.OK, ct);
        var answer = await ReadAsync(response, GatewayJson.Default.CodeUrlJson, ct);
        return Require(answer.CodeUrl, "code_url");
    }

    public async Task<GatewayTrade?> QueryAsync(string outTradeNo, CancellationToken ct)
    {
        using var response = await SendAsync(HttpMethod.Get,
            $"pay/transactions/out-trade-no/{Uri.EscapeDataString(outTradeNo)}?mchid={Uri.EscapeDataString(mchId)}", null, ct);
        if (await IsNotFoundAsync(response, "ORDER_NOT_EXIST", ct))
        {
            return null;
        }

        await ThrowUnlessAsync(response, HttpStatusCode.OK, ct);
        return ToTrade(channel, await ReadAsync(response, GatewayJson.Default.TradeJson, ct));
    }

    public async Task<CloseOutcome> CloseAsync(string outTradeNo, CancellationToken ct)
    {
        using var response = await SendAsync(HttpMethod.Post, $"pay/transactions/out-trade-no/{Uri.EscapeDataString(outTradeNo)}/close",
            JsonContent.Create(new MchidJson(mchId), GatewayJson.Default.MchidJson), ct);
        if (response.StatusCode == HttpStatusCode.NoContent)
        {
            return CloseOutcome.Closed;
        }

        var error = await ErrorOfAsync(response, ct);
        return (response.StatusCode, error.Code) switch
        {
            (HttpStatusCode.NotFound, "ORDER_NOT_EXIST") => CloseOutcome.NotFound,
            (HttpStatusCode.BadRequest, "ORDERPAID") => CloseOutcome.AlreadyPaid,
            // WeChat's answer to closing a closed trade; the sandbox answers 204.
            (HttpStatusCode.BadRequest, "ORDERCLOSED") => CloseOutcome.Closed,
            _ => throw Refused(response, error),
        };
    }

    public async Task<GatewayRefund> RefundAsync(GatewayRefundRequest request, CancellationToken ct)
    {
        var body = new RefundCreateJson(request.OutTradeNo, request.OutRefundNo, request.Reason, request.NotifyUrl,
            new AmountJson { Refund = request.RefundFen, Total = request.TotalFen, Currency = Currency });
        using var response = await SendAsync(HttpMethod.Post, "refund/domestic/refunds", JsonContent.Create(body, GatewayJson.Default.RefundCreateJson), ct);
        await ThrowUnlessAsync(response, HttpStatusCode.OK, ct);
        return ToRefund(channel, await ReadAsync(response, GatewayJson.Default.RefundJson, ct));
    }

    public async Task<GatewayRefund?> QueryRefundAsync(string outRefundNo, CancellationToken ct)
    {
        using var response = await SendAsync(HttpMethod.Get, $"refund/domestic/refunds/{Uri.EscapeDataString(outRefundNo)}", null, ct);
        if (await IsNotFoundAsync(response, "RESOURCE_NOT_EXISTS", ct))
        {
            return null;
        }

        await ThrowUnlessAsync(response, HttpStatusCode.OK, ct);
        return ToRefund(channel, await ReadAsync(response, GatewayJson.Default.RefundJson, ct));
    }

    public async Task<GatewayStatement> DownloadStatementAsync(DateOnly day, CancellationToken ct)
    {
        TradeBillJson bill;
        using (var response = await SendAsync(HttpMethod.Get,
            $"bill/tradebill?bill_date={day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}&bill_type=ALL", null, ct))
        {
            await ThrowUnlessAsync(response, HttpStatusCode.OK, ct);
            bill = await ReadAsync(response, GatewayJson.Default.TradeBillJson, ct);
        }

        var hash = Require(bill.HashValue, "hash_value");
        if (!string.Equals(bill.HashType ?? "SHA1", "SHA1", StringComparison.OrdinalIgnoreCase)
            || !Uri.TryCreate(http.BaseAddress, Require(bill.DownloadUrl, "download_url"), out var download))
        {
            throw new GatewayProtocolException(channel, "bad_tradebill", $"hash_type {bill.HashType}, download_url {bill.DownloadUrl}");
        }

        byte[] file;
        using (var response = await SendAsync(new HttpRequestMessage(HttpMethod.Get, download), ct))
        {
            await ThrowUnlessAsync(response, HttpStatusCode.OK, ct);
            file = await response.Content.ReadAsByteArrayAsync(ct);
        }

        // The file is not signed: the hash from the signed-for API is what ties it to the gateway.
        if (!string.Equals(Convert.ToHexString(SHA1.HashData(file)), hash, StringComparison.OrdinalIgnoreCase))
        {
            throw new GatewayProtocolException(channel, "statement_hash_mismatch", $"the statement of {day} does not hash to {hash}");
        }

        try
        {
            return StatementParser.Parse(Encoding.UTF8.GetString(file), day);
        }
        catch (FormatException e)
        {
            throw new GatewayProtocolException(channel, "bad_statement", e.Message, e);
        }
    }

    internal static GatewayTrade ToTrade(string channel, TradeJson trade) => new(
        Require(trade.OutTradeNo, "out_trade_no", channel),
        trade.TransactionId,
        Require(trade.TradeState, "trade_state", channel) switch
        {
            "NOTPAY" or "USERPAYING" => TradeState.NotPay,
            "SUCCESS" => TradeState.Success,
            "CLOSED" or "REVOKED" => TradeState.Closed,
            "REFUND" => TradeState.Refund,
            "PAYERROR" => TradeState.PayError,
            var other => throw new GatewayProtocolException(channel, "bad_trade_state", $"trade_state {other}"),
        },
        trade.SuccessTime,
        trade.Amount?.Total ?? throw Missing("amount.total", channel),
        trade.Attach ?? "");

    /// <summary>A refund from the refund API (status) or a REFUND.* notification (refund_status).</summary>
    internal static GatewayRefund ToRefund(string channel, RefundJson refund) => new(
        Require(refund.OutRefundNo, "out_refund_no", channel),
        Require(refund.RefundId, "refund_id", channel),
        Require(refund.Status ?? refund.RefundStatus, "status", channel) switch
        {
            "PROCESSING" => RefundStatus.Processing,
            "SUCCESS" => RefundStatus.Success,
            "CLOSED" => RefundStatus.Closed,
            "ABNORMAL" => RefundStatus.Abnormal,
            var other => throw new GatewayProtocolException(channel, "bad_refund_status", $"status {other}"),
        },
        refund.SuccessTime,
        refund.Amount?.Refund ?? throw Missing("amount.refund", channel));

    private string Require(string? value, string field) => Require(value, field, channel);

    private static string Require(string? value, string field, string channel) =>
        string.IsNullOrEmpty(value) ? throw Missing(field, channel) : value;

    private static GatewayProtocolException Missing(string field, string channel) => new(channel, "missing_field", $"the answer has no {field}");

    private Task<HttpResponseMessage> SendAsync(HttpMethod method, string route, HttpContent? content, CancellationToken ct) =>
        SendAsync(new HttpRequestMessage(method, _root + route) { Content = content }, ct);

    /// <summary>Sends; a failure to get an answer, or a 5xx, is the channel being unavailable.</summary>
    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        HttpResponseMessage response;
        using (request)
        {
            try
            {
                response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, ct);
            }
            catch (HttpRequestException e)
            {
                throw new GatewayUnavailableException(channel, "connection_failed", e.Message, e);
            }
            catch (OperationCanceledException e) when (!ct.IsCancellationRequested)
            {
                // HttpClient.Timeout: the caller did not cancel, the gateway did not answer in time.
                throw new GatewayUnavailableException(channel, "timeout", e.Message, e);
            }
        }

        if ((int)response.StatusCode >= 500)
        {
            using (response)
            {
                var error = await ErrorOfAsync(response, ct);
                throw new GatewayUnavailableException(channel, error.Code ?? $"http_{(int)response.StatusCode}", error.Message ?? response.ReasonPhrase ?? "");
            }
        }

        return response;
    }

    /// <summary>
    /// A 404 with the gateway's code for "no such trade or refund". Any other 404 (a channel the gateway
    /// does not serve, a wrong base URL) is a refusal: taking it for "no such trade" would lose payments.
    /// </summary>
    private static async Task<bool> IsNotFoundAsync(HttpResponseMessage response, string code, CancellationToken ct) =>
        response.StatusCode == HttpStatusCode.NotFound && (await ErrorOfAsync(response, ct)).Code == code;

    private async Task ThrowUnlessAsync(HttpResponseMessage response, HttpStatusCode expected, CancellationToken ct)
    {
        if (response.StatusCode != expected)
        {
            throw Refused(response, await ErrorOfAsync(response, ct));
        }
    }

    private GatewayRefusedException Refused(HttpResponseMessage response, ErrorJson error) =>
        new(channel, (int)response.StatusCode, error.Code ?? $"http_{(int)response.StatusCode}", error.Message ?? "");

    /// <summary>The error body; an empty one when it is not the gateway's JSON (a proxy's page, say).</summary>
    private static async Task<ErrorJson> ErrorOfAsync(HttpResponseMessage response, CancellationToken ct)
    {
        try
        {
            return await response.Content.ReadFromJsonAsync(GatewayJson.Default.ErrorJson, ct) ?? new ErrorJson(null, null);
        }
        catch (Exception e) when (e is JsonException or NotSupportedException or InvalidOperationException)
        {
            return new ErrorJson(null, null);
        }
    }

    private async Task<T> ReadAsync<T>(HttpResponseMessage response, JsonTypeInfo<T> type, CancellationToken ct) where T : class
    {
        try
        {
            return await response.Content.ReadFromJsonAsync(type, ct) ?? throw new JsonException("null");
        }
        catch (Exception e) when (e is JsonException or NotSupportedException)
        {
            throw new GatewayProtocolException(channel, "bad_json", e.Message, e);
        }
    }
}
