namespace FlashSale.PaymentSandbox;

/// <summary>How an operation on a trade came out; <see cref="GatewayErrors.For"/> turns the refusals into WeChat's error codes.</summary>
internal enum TradeAnswer
{
    /// <summary>Done now.</summary>
    Done,

    /// <summary>Paid although closed or past time_expire: the shopper's bank captured first.</summary>
    PaidLate,

    /// <summary>Already so (the same create, refund or close again): answered like the first time.</summary>
    Unchanged,

    NotFound,
    OrderPaid,
    OrderClosed,
    OutTradeNoUsed,
    TradeNotPaid,
    InvalidRequest,
}
