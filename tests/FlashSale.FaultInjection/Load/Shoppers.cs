namespace FlashSale.FaultInjection.Load;

/// <summary>
/// Shoppers made up as the run needs them, two to a device (so device limits bite). Most claims come
/// from new shoppers, some from ones seen before (so per-user limits bite).
/// </summary>
public sealed class Shoppers(string run)
{
    private const double ReturningShare = 0.3;
    private int _count;

    public (string Shopper, string Device) Pick(Random random)
    {
        var seen = Volatile.Read(ref _count);
        var index = seen > 0 && random.NextDouble() < ReturningShare ? random.Next(seen) : Interlocked.Increment(ref _count) - 1;
        return ($"shopper-{run}-{index}", $"device-{run}-{index / 2}");
    }
}
