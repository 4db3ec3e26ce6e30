using System.Diagnostics;
using FlashSale.Grains.Ledger;

namespace FlashSale.GrainCeiling;

/// <summary>
/// The ledger alone, on one campaign's row: rows per second when each transaction carries a full
/// group commit (the row and the indexes), and transactions per second when each carries one claim
/// (the commit, that is the WAL's flush).
/// </summary>
internal static class LedgerCeiling
{
    public static async Task<(double RowsPerSecond, double CommitsPerSecond)> MeasureAsync(CouponLedger ledger, Guid campaignId, TimeSpan duration)
    {
        var issued = 0;
        var limits = new BatchLimits(int.MaxValue, null, null, null, 0);
        var watch = Stopwatch.StartNew();
        var rows = 0L;
        while (watch.Elapsed < duration)
        {
            var batch = Rows(issued, 4096);
            await ledger.IssueAsync(new CampaignBatch(campaignId, issued, batch, limits));
            issued += batch.Count;
            rows += batch.Count;
        }

        var rowsPerSecond = rows / watch.Elapsed.TotalSeconds;
        watch.Restart();
        var commits = 0L;
        while (watch.Elapsed < duration)
        {
            await ledger.IssueAsync(new CampaignBatch(campaignId, issued, Rows(issued, 1), limits));
            issued++;
            commits++;
        }

        return (rowsPerSecond, commits / watch.Elapsed.TotalSeconds);
    }

    // Shoppers of this run alone: the same database may serve several runs.
    private static readonly string Run = Guid.NewGuid().ToString("N")[..8];

    private static List<NewCoupon> Rows(int from, int count)
    {
        var now = DateTimeOffset.UtcNow;
        var day = DateOnly.FromDateTime(now.UtcDateTime);
        return [.. Enumerable.Range(from, count).Select(n => new NewCoupon(Guid.CreateVersion7(now), $"ledger-{Run}-{n}", 1, "device", "key",
            Guid.NewGuid().ToString("N"), now, now.AddDays(7), new RiskSlots(day, 1, null, null, null)))];
    }
}
