using System.Data.Common;
using Orleans.Runtime;
using Orleans.Runtime.Messaging;

namespace FlashSale.Api;

/// <summary>
/// Keeps an API node that starts before the cluster trying to join it, every half second for up to a
/// minute, instead of failing its start: no silo has listed a gateway yet, or the membership table is
/// not there yet (the first silo installs it). That is the normal order in a rollout, in compose, and
/// when a test starts a silo and an API node at once. Orleans' own filter retries only broken
/// connections, waiting longer each time (1.5 s, 3 s, 4.5 s ...).
/// </summary>
public sealed class ClusterConnectRetry(TimeProvider clock) : IClientConnectionRetryFilter
{
    private static readonly TimeSpan Every = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromMinutes(1);

    private DateTimeOffset? _firstFailure;

    public async Task<bool> ShouldRetryConnectionAttempt(Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not (OrleansMessageRejectionException or ConnectionFailedException or DbException))
        {
            return false;
        }

        var now = clock.GetUtcNow();
        _firstFailure ??= now;
        if (now - _firstFailure > GiveUpAfter)
        {
            return false;
        }

        await Task.Delay(Every, clock, cancellationToken);
        return true;
    }
}
