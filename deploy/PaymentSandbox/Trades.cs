using System.Collections.Concurrent;

namespace FlashSale.PaymentSandbox;

/// <summary>
/// Every trade and refund of every channel, in memory (a restart forgets them). Finds trades by out_trade_no,
/// transaction_id and out_refund_no; the transitions themselves belong to <see cref="Trade"/>.
/// </summary>
internal sealed class Trades(TimeProvider time, Stats stats)
{
    private readonly ConcurrentDictionary<(string Channel, string OutTradeNo), Trade> _byOutTradeNo = new();
    private readonly ConcurrentDictionary<(string Channel, string TransactionId), Trade> _byTransactionId = new();
    private readonly ConcurrentDictionary<(string Channel, string OutRefundNo), Trade> _byOutRefundNo = new();

    // Refunds are rare; one lock across trades is what keeps an out_refund_no from being accepted twice on two trades.
    private readonly Lock _refunding = new();

    /// <summary>A new trade, or the same one again when amount and description match (WeChat's re-prepay).</summary>
    public (TradeAnswer Answer, TradeSnapshot Trade) Create(PaymentChannel channel, TradeTerms terms)
    {
        var candidate = new Trade(channel, terms);
        var trade = _byOutTradeNo.GetOrAdd((channel.Name, terms.OutTradeNo), candidate);
        if (ReferenceEquals(trade, candidate))
        {
            stats.For(channel).Add(Counter.Created);
            return (TradeAnswer.Done, candidate.Snapshot());
        }

        var existing = trade.Snapshot();
        if (existing.IsPaid)
        {
            return (TradeAnswer.OrderPaid, existing);
        }

        if (!existing.IsPayable(time.GetUtcNow()))
        {
            return (TradeAnswer.OrderClosed, existing);
        }

        var same = existing.Terms.Total == terms.Total && existing.Terms.Description == terms.Description;
        return (same ? TradeAnswer.Unchanged : TradeAnswer.OutTradeNoUsed, existing);
    }

    public TradeSnapshot? Find(PaymentChannel channel, string outTradeNo) => Lookup(channel, outTradeNo)?.Snapshot();

    public (TradeAnswer Answer, TradeSnapshot? Trade) Pay(PaymentChannel channel, string outTradeNo, bool late)
    {
        if (Lookup(channel, outTradeNo) is not { } trade)
        {
            return (TradeAnswer.NotFound, null);
        }

        var (answer, snapshot) = trade.Pay(time.GetUtcNow(), late);
        if (answer is TradeAnswer.Done or TradeAnswer.PaidLate)
        {
            _byTransactionId[(channel.Name, snapshot.TransactionId!)] = trade;
            var counters = stats.For(channel);
            counters.Add(Counter.Paid);
            if (answer == TradeAnswer.PaidLate)
            {
                counters.Add(Counter.LatePaid);
            }
        }

        return (answer, snapshot);
    }

    public (TradeAnswer Answer, TradeSnapshot? Trade) Fail(PaymentChannel channel, string outTradeNo) =>
        Lookup(channel, outTradeNo) is { } trade ? trade.Fail(time.GetUtcNow()) : (TradeAnswer.NotFound, null);

    public (TradeAnswer Answer, TradeSnapshot? Trade) Close(PaymentChannel channel, string outTradeNo)
    {
        if (Lookup(channel, outTradeNo) is not { } trade)
        {
            return (TradeAnswer.NotFound, null);
        }

        var (answer, snapshot) = trade.Close();
        if (answer == TradeAnswer.Done)
        {
            stats.For(channel).Add(Counter.Closed);
        }

        return (answer, snapshot);
    }

    /// <summary>Accepts a refund, or answers the one already accepted under <paramref name="outRefundNo"/> whatever else the request says.</summary>
    public (TradeAnswer Answer, RefundSnapshot? Refund) Refund(
        PaymentChannel channel, string? outTradeNo, string? transactionId, string outRefundNo, int amount, int total, string? reason, Uri? notifyUrl)
    {
        lock (_refunding)
        {
            if (_byOutRefundNo.TryGetValue((channel.Name, outRefundNo), out var owner))
            {
                return (TradeAnswer.Unchanged, owner.FindRefund(outRefundNo));
            }

            var trade = outTradeNo is not null ? Lookup(channel, outTradeNo) : _byTransactionId.GetValueOrDefault((channel.Name, transactionId!));
            if (trade is null)
            {
                return (TradeAnswer.NotFound, null);
            }

            var (answer, refund) = trade.Refund(outRefundNo, amount, total, reason, notifyUrl, time.GetUtcNow());
            if (answer == TradeAnswer.Done)
            {
                _byOutRefundNo[(channel.Name, outRefundNo)] = trade;
                stats.For(channel).Add(Counter.Refunds);
            }

            return (answer, refund);
        }
    }

    public RefundSnapshot? FindRefund(PaymentChannel channel, string outRefundNo) =>
        _byOutRefundNo.GetValueOrDefault((channel.Name, outRefundNo))?.FindRefund(outRefundNo);

    public (RefundSnapshot Refund, TradeSnapshot Trade)? SettleRefund(PaymentChannel channel, string outRefundNo) =>
        _byOutRefundNo.GetValueOrDefault((channel.Name, outRefundNo))?.SettleRefund(outRefundNo, time.GetUtcNow());

    /// <summary>Every trade of the channel as it stands now, for the daily statement.</summary>
    public IEnumerable<TradeSnapshot> All(PaymentChannel channel) =>
        _byOutTradeNo.Where(entry => entry.Key.Channel == channel.Name).Select(entry => entry.Value.Snapshot());

    private Trade? Lookup(PaymentChannel channel, string outTradeNo) => _byOutTradeNo.GetValueOrDefault((channel.Name, outTradeNo));
}
