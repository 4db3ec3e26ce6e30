namespace FlashSale.PaymentSandbox;

/// <summary>Domestic refunds: accepted as PROCESSING, idempotent on out_refund_no, settled later by <see cref="RefundSettlement"/>.</summary>
internal static class RefundEndpoints
{
    public static void MapRefunds(this RouteGroupBuilder merchant)
    {
        merchant.MapPost("/refund/domestic/refunds", Create);
        merchant.MapGet("/refund/domestic/refunds/{outRefundNo}", Query);
    }

    private static async Task<IResult> Create(string channel, HttpRequest request, PaymentChannels channels, Trades trades, RefundSettlement settlement)
    {
        var account = channels.Get(channel);
        var (body, refusal) = await RequestBody.ReadAsync<RefundRequest>(request, SandboxJson.Gateway);
        if (body is null)
        {
            return refusal!;
        }

        if (MerchantValidation.Refund(body) is { } problem)
        {
            return GatewayErrors.ParamError(problem);
        }

        var (answer, refund) = trades.Refund(
            account, body.OutTradeNo, body.TransactionId, body.OutRefundNo!, body.Amount!.Refund!.Value, body.Amount.Total!.Value, body.Reason,
            MerchantValidation.NotifyUrl(body.NotifyUrl));
        switch (answer)
        {
            case TradeAnswer.Done:
                settlement.Schedule(account, refund!.OutRefundNo);
                return Results.Json(RefundView.Of(refund), SandboxJson.Gateway);
            case TradeAnswer.Unchanged:
                return Results.Json(RefundView.Of(refund!), SandboxJson.Gateway);
            case TradeAnswer.NotFound:
                return GatewayErrors.Of(StatusCodes.Status404NotFound, "RESOURCE_NOT_EXISTS", "No such trade");
            default:
                return GatewayErrors.For(answer);
        }
    }

    private static IResult Query(string channel, string outRefundNo, PaymentChannels channels, Trades trades) =>
        trades.FindRefund(channels.Get(channel), outRefundNo) is { } refund
            ? Results.Json(RefundView.Of(refund), SandboxJson.Gateway)
            : GatewayErrors.RefundNotFound();
}
