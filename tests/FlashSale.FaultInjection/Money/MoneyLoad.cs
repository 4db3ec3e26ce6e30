using FlashSale.FaultInjection.Load;

namespace FlashSale.FaultInjection.Money;

/// <summary>Shoppers' money flows, one after another on each worker, until told to stop (a flow stops after the step in hand).</summary>
public sealed class MoneyLoad(MoneyHistory money, ClaimsUntilAnswered claims, Sale sale, string run)
{
    private int _flows;

    public int Flows => _flows;

    public Task RunAsync(int workers, CancellationToken stop) =>
        Task.WhenAll(Enumerable.Range(0, workers).Select(_ => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                await new ShopperFlow(money, claims, sale, run, Interlocked.Increment(ref _flows)).RunAsync(stop);
            }
        })));
}
