using System.Diagnostics;

namespace FlashSale.LoadGen.Load;

/// <summary>Each worker sends, awaits the answer, and sends again, as fast as the server answers.</summary>
public static class ClosedLoop
{
    public static Task RunAsync(IReadOnlyList<ClaimSender> workers, RunWindow window, RequestBudget budget) =>
        Task.WhenAll(workers.Select(worker => Task.Run(() => WorkAsync(worker, window, budget))));

    private static async Task WorkAsync(ClaimSender worker, RunWindow window, RequestBudget budget)
    {
        while (true)
        {
            var now = Stopwatch.GetTimestamp();
            var measured = window.IsMeasured(now);
            if (window.IsOver(now) || (measured && !budget.TryTake()))
            {
                return;
            }

            await worker.SendAsync(now, measured);
        }
    }
}
