namespace FlashSale.PaymentSandbox;

/// <summary>
/// The shopper's side, which WeChat keeps to itself: the pay page and the pay and fail actions. The actions answer JSON to
/// tests, and send a browser (a request that accepts text/html: the page's forms) back to the pay page, which then shows
/// the outcome. Anything else is read as JSON whatever its Content-Type, since <c>curl -d</c> says form-urlencoded.
/// </summary>
internal static class ShopperEndpoints
{
    public static void MapShopperSide(this IEndpointRouteBuilder app)
    {
        app.MapGet("/pay/{channel}/{outTradeNo}", Page);
        app.MapPost("/sandbox/{channel}/payments/{outTradeNo}/pay", Pay);
        app.MapPost("/sandbox/{channel}/payments/{outTradeNo}/fail", Fail);
    }

    private static IResult Page(string channel, string outTradeNo, PaymentChannels channels, Trades trades, TimeProvider time) =>
        channels.Find(channel) is { } account && trades.Find(account, outTradeNo) is { } trade
            ? Results.Content(PayPage.Render(trade, time.GetUtcNow()), "text/html; charset=utf-8")
            : Results.Content(PayPage.NotFound(outTradeNo), "text/html; charset=utf-8", statusCode: StatusCodes.Status404NotFound);

    private static async Task<IResult> Pay(
        string channel, string outTradeNo, HttpContext context, PaymentChannels channels, Trades trades, NotificationFactory notifications, NotificationSender sender)
    {
        if (channels.Find(channel) is not { } account)
        {
            return GatewayErrors.UnknownChannel(channel);
        }

        var late = false;
        if (!FromBrowser(context.Request))
        {
            var (body, refusal) = await RequestBody.ReadAsync(context.Request, SandboxJson.Gateway, whenEmpty: new PayRequest(Late: null));
            if (body is null)
            {
                return refusal!;
            }

            late = body.Late ?? false;
        }

        var (answer, trade) = trades.Pay(account, outTradeNo, late);
        if (answer is TradeAnswer.Done or TradeAnswer.PaidLate)
        {
            sender.Enqueue(notifications.ForPayment(trade!));
        }

        return Answer(context, account, outTradeNo, answer, trade);
    }

    private static IResult Fail(string channel, string outTradeNo, HttpContext context, PaymentChannels channels, Trades trades)
    {
        if (channels.Find(channel) is not { } account)
        {
            return GatewayErrors.UnknownChannel(channel);
        }

        var (answer, trade) = trades.Fail(account, outTradeNo);
        return Answer(context, account, outTradeNo, answer, trade);
    }

    private static IResult Answer(HttpContext context, PaymentChannel channel, string outTradeNo, TradeAnswer answer, TradeSnapshot? trade)
    {
        if (FromBrowser(context.Request))
        {
            // 303, so that the browser GETs the page and a reload does not post again.
            context.Response.Headers.Location = PayPage.PathOf(channel, outTradeNo);
            return Results.StatusCode(StatusCodes.Status303SeeOther);
        }

        return answer is TradeAnswer.Done or TradeAnswer.PaidLate
            ? Results.Json(TransactionView.Of(trade!), SandboxJson.Gateway)
            : GatewayErrors.For(answer);
    }

    private static bool FromBrowser(HttpRequest request) =>
        request.GetTypedHeaders().Accept.Any(accepted => accepted.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase));

    private sealed record PayRequest(bool? Late);
}
