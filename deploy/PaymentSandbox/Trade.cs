namespace FlashSale.PaymentSandbox;

/// <summary>
/// One trade and its refunds. Every transition happens under the trade's own lock, so that a payment racing a close
/// (the case the sandbox exists to produce) has exactly one winner, and every answer is a snapshot taken in the same turn.
/// </summary>
internal sealed class Trade(PaymentChannel channel, TradeTerms terms)
{
    private readonly Lock _gate = new();
    private readonly List<RefundSnapshot> _refunds = [];
    private TradeState _state = TradeState.NotPay;
    private string? _transactionId;
    private DateTimeOffset? _successTime;

    public TradeTerms Terms => terms;

    public TradeSnapshot Snapshot()
    {
        lock (_gate)
        {
            return SnapshotHeld();
        }
    }

    public (TradeAnswer Answer, TradeSnapshot Trade) Pay(DateTimeOffset now, bool late)
    {
        lock (_gate)
        {
            if (_state == TradeState.Success)
            {
                return (TradeAnswer.OrderPaid, SnapshotHeld());
            }

            var closed = _state == TradeState.Closed || now > terms.TimeExpire;
            if (closed && !late)
            {
                return (TradeAnswer.OrderClosed, SnapshotHeld());
            }

            _state = TradeState.Success;
            _transactionId = GatewayIds.NewTransactionId(now);
            _successTime = now;
            return (closed ? TradeAnswer.PaidLate : TradeAnswer.Done, SnapshotHeld());
        }
    }

    /// <summary>The shopper's payment failed; they may try again until the trade is closed or expires.</summary>
    public (TradeAnswer Answer, TradeSnapshot Trade) Fail(DateTimeOffset now)
    {
        lock (_gate)
        {
            if (_state == TradeState.Success)
            {
                return (TradeAnswer.OrderPaid, SnapshotHeld());
            }

            if (_state == TradeState.Closed || now > terms.TimeExpire)
            {
                return (TradeAnswer.OrderClosed, SnapshotHeld());
            }

            _state = TradeState.PayError;
            return (TradeAnswer.Done, SnapshotHeld());
        }
    }

    public (TradeAnswer Answer, TradeSnapshot Trade) Close()
    {
        lock (_gate)
        {
            switch (_state)
            {
                case TradeState.Success:
                    return (TradeAnswer.OrderPaid, SnapshotHeld());
                case TradeState.Closed:
                    return (TradeAnswer.Unchanged, SnapshotHeld());
                default:
                    _state = TradeState.Closed;
                    return (TradeAnswer.Done, SnapshotHeld());
            }
        }
    }

    /// <summary>Accepts a refund as PROCESSING; the caller has made sure that <paramref name="outRefundNo"/> is new.</summary>
    public (TradeAnswer Answer, RefundSnapshot? Refund) Refund(string outRefundNo, int amount, int total, string? reason, Uri? notifyUrl, DateTimeOffset now)
    {
        lock (_gate)
        {
            if (_state != TradeState.Success)
            {
                return (TradeAnswer.TradeNotPaid, null);
            }

            if (total != terms.Total || _refunds.Sum(refund => refund.Refund) + amount > terms.Total)
            {
                return (TradeAnswer.InvalidRequest, null);
            }

            var accepted = new RefundSnapshot(
                GatewayIds.NewRefundId(now), outRefundNo, terms.OutTradeNo, _transactionId!, amount, total, reason, notifyUrl ?? terms.NotifyUrl, now, SucceededAt: null);
            _refunds.Add(accepted);
            return (TradeAnswer.Done, accepted);
        }
    }

    public RefundSnapshot? FindRefund(string outRefundNo)
    {
        lock (_gate)
        {
            return _refunds.Find(refund => refund.OutRefundNo == outRefundNo);
        }
    }

    /// <summary>Marks a PROCESSING refund SUCCESS; null when it had already succeeded (nothing more to notify).</summary>
    public (RefundSnapshot Refund, TradeSnapshot Trade)? SettleRefund(string outRefundNo, DateTimeOffset now)
    {
        lock (_gate)
        {
            var index = _refunds.FindIndex(refund => refund.OutRefundNo == outRefundNo);
            if (index < 0 || _refunds[index].SucceededAt is not null)
            {
                return null;
            }

            _refunds[index] = _refunds[index] with { SucceededAt = now };
            return (_refunds[index], SnapshotHeld());
        }
    }

    private TradeSnapshot SnapshotHeld() => new(channel, terms, _state, _transactionId, _successTime, [.. _refunds]);
}
