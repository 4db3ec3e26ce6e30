using System.Diagnostics;
using FlashSale.GrainInterfaces.Campaigns;
using FlashSale.GrainInterfaces.Claims;
using FlashSale.Grains.Campaigns;

namespace FlashSale.GrainCeiling;

/// <summary>
/// The campaign's admission alone, on one thread with nothing around it: what a grain's turn costs at
/// least per claim, and so the most claims one activation could admit if nothing else took its time.
/// </summary>
internal static class AdmissionCeiling
{
    public static (double PerSecond, double NanosecondsEach) Measure(CampaignDefinition campaign, TimeSpan duration)
    {
        var admission = new ClaimAdmission(at => DateOnly.FromDateTime(at.UtcDateTime));
        admission.Stock(campaign.TotalStock);
        var batch = new List<AdmittedClaim>(4096);
        var admitted = 0L;
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < duration)
        {
            // Committed in batches as the committer would, so that the counters stay as a live grain's.
            for (var i = 0; i < 4096; i++)
            {
                var request = new ClaimRequest($"shopper-{admitted}", "device", "key");
                if (admission.Admit(campaign, request, DateTimeOffset.UtcNow) is Admission.Admitted claim)
                {
                    batch.Add(claim.Claim);
                    admitted++;
                }
            }

            admission.Commit(batch);
            batch.Clear();
        }

        var seconds = watch.Elapsed.TotalSeconds;
        return (admitted / seconds, seconds * 1e9 / admitted);
    }
}
