namespace FlashSale.PaymentSandbox;

/// <summary>Native prepay, query by out_trade_no, and close.</summary>
internal static class TransactionEndpoints
{
    public static void MapTransactions(this RouteGroupBuilder merchant)
    {
        merchant.MapPost("/pay/transactions/native", Create);
        merchant.MapGet("/pay/transactions/out-trade-no/{outTradeNo}", Query);
        merchant.MapPost("/pay/transactions/out-trade-no/{outTradeNo}/close", Close);
    }

    private static async Task<IResult> Create(string channel, HttpRequest request, PaymentChannels channels, Trades trades, TimeProvider time)
    {
        var account = channels.Get(channel);
        var (body, refusal) = await RequestBody.ReadAsync<NativePayRequest>(request, SandboxJson.Gateway);
        if (body is null)
        {
            return refusal!;
        }

        if (MchidRefusal(account, body.Mchid) is { } wrongMerchant)
        {
            return wrongMerchant;
        }

        var (terms, problem) = MerchantValidation.NativePay(body, time.GetUtcNow());
        if (problem is not null)
        {
            return GatewayErrors.ParamError(problem);
        }

        var (answer, trade) = trades.Create(account, terms!);
        return answer is TradeAnswer.Done or TradeAnswer.Unchanged
            ? Results.Json(new CodeUrlAnswer(MerchantEndpoints.Origin(request) + PayPage.PathOf(account, trade.Terms.OutTradeNo)), SandboxJson.Gateway)
            : GatewayErrors.For(answer);
    }

    private static IResult Query(string channel, string outTradeNo, string? mchid, PaymentChannels channels, Trades trades)
    {
        var account = channels.Get(channel);
        if (MchidRefusal(account, mchid) is { } wrongMerchant)
        {
            return wrongMerchant;
        }

        return trades.Find(account, outTradeNo) is { } trade
            ? Results.Json(TransactionView.Of(trade), SandboxJson.Gateway)
            : GatewayErrors.For(TradeAnswer.NotFound);
    }

    private static async Task<IResult> Close(string channel, string outTradeNo, HttpRequest request, PaymentChannels channels, Trades trades)
    {
        var account = channels.Get(channel);
        var (body, refusal) = await RequestBody.ReadAsync<MchidBody>(request, SandboxJson.Gateway);
        if (body is null)
        {
            return refusal!;
        }

        if (MchidRefusal(account, body.Mchid) is { } wrongMerchant)
        {
            return wrongMerchant;
        }

        var (answer, _) = trades.Close(account, outTradeNo);
        return answer is TradeAnswer.Done or TradeAnswer.Unchanged ? Results.NoContent() : GatewayErrors.For(answer);
    }

    private static IResult? MchidRefusal(PaymentChannel channel, string? mchid) =>
        mchid is null ? GatewayErrors.ParamError("mchid is required")
        : mchid != channel.MchId ? GatewayErrors.MchidNotMatch()
        : null;
}
