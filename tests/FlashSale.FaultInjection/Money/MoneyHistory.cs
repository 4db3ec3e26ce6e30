using System.Collections.Concurrent;
using FlashSale.FaultInjection.Load;

namespace FlashSale.FaultInjection.Money;

/// <summary>
/// Sends money requests until they are answered, as a client must (the same order id or key each
/// time, to the next node), and keeps every one with its attempts for the checker.
/// </summary>
public sealed class MoneyHistory(MoneyClient client, TimeSpan answerWithin)
{
    private readonly ConcurrentQueue<MoneyOp> _ops = new();

    public IReadOnlyCollection<MoneyOp> Ops => _ops;

    public async Task<MoneyOp> SendAsync(MoneyRequest request, int node)
    {
        var attempts = new List<MoneyAttempt>();
        await Answering.UntilAnsweredAsync(n => client.SendAsync(request, n), a => a.Outcome, node, DateTime.UtcNow + answerWithin, attempts.Add);
        var op = new MoneyOp(request, attempts);
        _ops.Enqueue(op);
        return op;
    }

    /// <summary>The same request to both API nodes at once, as an impatient client's retry would.</summary>
    public async Task<(MoneyOp First, MoneyOp Second)> TwinAsync(MoneyRequest request)
    {
        var both = await Task.WhenAll(SendAsync(request, 0), SendAsync(request, 1));
        return (both[0], both[1]);
    }

    /// <summary>Two requests at once, one to each API node.</summary>
    public async Task<(MoneyOp First, MoneyOp Second)> RaceAsync(MoneyRequest first, MoneyRequest second)
    {
        var both = await Task.WhenAll(SendAsync(first, 0), SendAsync(second, 1));
        return (both[0], both[1]);
    }
}
