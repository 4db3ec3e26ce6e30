using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using FlashSale.GrainInterfaces.Campaigns;

namespace FlashSale.Api.Live;

/// <summary>
/// Claims this node refused by itself (from a campaign's gate, or a block), counted per campaign and
/// code and handed to the campaign's grain every 100 ms, so that dashboards count every refusal, not
/// only those a grain saw. One counter per campaign and code this node has refused, kept for the
/// node's life (campaign ids reach here only once a grain has said the campaign exists).
/// </summary>
public sealed class LocalRefusals(IClusterClient cluster, ILogger<LocalRefusals> logger) : BackgroundService
{
    private static readonly TimeSpan FlushEvery = TimeSpan.FromMilliseconds(100);

    private readonly ConcurrentDictionary<(Guid Campaign, string Code), StrongBox<int>> _counts = new();

    public void Count(Guid campaignId, string code) =>
        Interlocked.Increment(ref _counts.GetOrAdd((campaignId, code), static _ => new StrongBox<int>()).Value);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(FlushEvery);
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            // Each counter is taken and zeroed in one step, so a refusal counted meanwhile goes with the next flush.
            var taken = _counts
                .Select(c => (c.Key.Campaign, c.Key.Code, Count: Interlocked.Exchange(ref c.Value.Value, 0)))
                .Where(c => c.Count > 0)
                .ToList();
            foreach (var campaign in taken.GroupBy(c => c.Campaign))
            {
                try
                {
                    cluster.GetGrain<ICampaignGrain>(campaign.Key)
                        .CountRefusals(campaign.ToImmutableDictionary(c => c.Code, c => c.Count, StringComparer.Ordinal)).Ignore();
                }
                catch (Exception e)
                {
                    LocalRefusalsLog.HandOverFailed(logger, e, campaign.Key);
                }
            }
        }
    }
}

internal static partial class LocalRefusalsLog
{
    [LoggerMessage(EventId = 1103, Level = LogLevel.Debug, Message = "Could not hand local refusals to campaign {CampaignId}")]
    public static partial void HandOverFailed(ILogger logger, Exception exception, Guid campaignId);
}
