namespace FlashSale.LoadGen.Load;

/// <summary>The <c>--requests</c> stop condition: how many measured requests may still be sent.</summary>
public sealed class RequestBudget(long? limit)
{
    private long _taken;

    public bool TryTake() => limit is not { } max || Interlocked.Increment(ref _taken) <= max;
}
