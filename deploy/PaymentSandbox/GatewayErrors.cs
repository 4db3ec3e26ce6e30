namespace FlashSale.PaymentSandbox;

/// <summary>WeChat's error answers: a status and a JSON <c>{"code", "message"}</c>; the code is what a merchant acts on.</summary>
internal static class GatewayErrors
{
    public static IResult Of(int status, string code, string message) =>
        Results.Json(new GatewayError(code, message), SandboxJson.Gateway, statusCode: status);

    public static IResult ParamError(string message) => Of(StatusCodes.Status400BadRequest, "PARAM_ERROR", message);

    public static IResult MchidNotMatch() => Of(StatusCodes.Status400BadRequest, "MCHID_NOT_MATCH", "mchid is not this channel's");

    public static IResult SystemError() => Of(StatusCodes.Status503ServiceUnavailable, "SYSTEM_ERROR", "The channel is down (sandbox fault)");

    public static IResult UnknownChannel(string? name) => Of(StatusCodes.Status404NotFound, "RESOURCE_NOT_EXISTS", $"No channel '{name}' is configured");

    public static IResult RefundNotFound() => Of(StatusCodes.Status404NotFound, "RESOURCE_NOT_EXISTS", "No such refund");

    /// <summary>The refusal a <see cref="TradeAnswer"/> stands for.</summary>
    public static IResult For(TradeAnswer answer) => answer switch
    {
        TradeAnswer.NotFound => Of(StatusCodes.Status404NotFound, "ORDER_NOT_EXIST", "No such trade"),
        TradeAnswer.OrderPaid => Of(StatusCodes.Status400BadRequest, "ORDERPAID", "The trade is paid"),
        TradeAnswer.OrderClosed => Of(StatusCodes.Status400BadRequest, "ORDER_CLOSED", "The trade is closed or past its time_expire"),
        TradeAnswer.OutTradeNoUsed => Of(StatusCodes.Status403Forbidden, "OUT_TRADE_NO_USED", "out_trade_no was used with another amount or description"),
        TradeAnswer.TradeNotPaid => Of(StatusCodes.Status400BadRequest, "TRADE_NOT_PAID", "The trade is not paid"),
        TradeAnswer.InvalidRequest => Of(StatusCodes.Status400BadRequest, "INVALID_REQUEST", "amount.total is not the trade's, or the refunds would exceed it"),
        _ => throw new ArgumentOutOfRangeException(nameof(answer), answer, "Not a refusal."),
    };
}
