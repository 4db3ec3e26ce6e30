using System.Collections.Concurrent;
using FlashSale.LoadGen.Setup;

namespace FlashSale.FaultInjection.Load;

/// <summary>
/// Shoppers made up as the run needs them, two to a device (so device limits bite), each with a token
/// signed here. Most claims come from new shoppers, some from ones seen before (so per-user limits bite).
/// </summary>
public sealed class Shoppers(ITokenMinter minter, string run)
{
    private const double ReturningShare = 0.3;
    private readonly ConcurrentDictionary<int, string> _tokens = new();
    private int _count;

    public (string Shopper, string Device, int Index) Pick(Random random)
    {
        var seen = Volatile.Read(ref _count);
        var index = seen > 0 && random.NextDouble() < ReturningShare ? random.Next(seen) : Interlocked.Increment(ref _count) - 1;
        return (ShopperId(index), $"device-{run}-{index / 2}", index);
    }

    public async ValueTask<string> TokenAsync(string shopperId, int index) =>
        _tokens.TryGetValue(index, out var token) ? token : _tokens[index] = await minter.MintAsync(shopperId, "shopper", CancellationToken.None);

    private string ShopperId(int index) => $"shopper-{run}-{index}";
}
