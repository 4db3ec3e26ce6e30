using System.Diagnostics;
using Npgsql;

namespace FlashSale.Grains.Ledger;

/// <summary>
/// The silo's one writer of claims: the campaign grains on this silo hand it their group commits,
/// and it writes the commits of every campaign waiting into one transaction, so that a thousand
/// quiet campaigns cost about one commit between them rather than a thousand (BENCHMARKS.md, E2).
/// A campaign still has at most one commit in flight (its grain waits for each), and its own fence
/// in the database: a campaign the ledger refuses hears why, while the others' claims are written.
/// </summary>
public sealed class LedgerWriter(IClaimWrites ledger)
{
    // Bounds one transaction's size; a larger backlog goes in the next one.
    private const int MaxClaimsPerTransaction = 4096;

    // Two, so that one transaction is built and sent while the other waits for its commit.
    private const int TransactionsInFlight = 2;

    private readonly Lock _lock = new();
    private readonly Queue<PendingCommit> _waiting = new();
    private int _inFlight;

    /// <summary>
    /// Commits one campaign's batch, together with whatever other campaigns are waiting; completes
    /// once it is committed, or throws <see cref="LedgerConflictException"/> having written none of it,
    /// or the database's error (then whether it was written is unknown).
    /// </summary>
    public Task IssueAsync(CampaignBatch batch)
    {
        var commit = new PendingCommit(batch);
        bool start;
        lock (_lock)
        {
            _waiting.Enqueue(commit);
            start = _inFlight < TransactionsInFlight;
            if (start)
            {
                _inFlight++;
            }
        }

        if (start)
        {
            // Off the calling grain's scheduler: the writer serves every grain of the silo.
            _ = Task.Run(WriteWhileWaitingAsync);
        }

        return commit.Done.Task;
    }

    private async Task WriteWhileWaitingAsync()
    {
        while (TakeNext() is { } commits)
        {
            await WriteAsync(commits);
        }
    }

    private List<PendingCommit>? TakeNext()
    {
        lock (_lock)
        {
            if (_waiting.Count == 0)
            {
                _inFlight--;
                return null;
            }

            var commits = new List<PendingCommit> { _waiting.Dequeue() };
            var claims = commits[0].Batch.Coupons.Count;
            while (_waiting.TryPeek(out var next) && claims + next.Batch.Coupons.Count <= MaxClaimsPerTransaction)
            {
                commits.Add(_waiting.Dequeue());
                claims += next.Batch.Coupons.Count;
            }

            return commits;
        }
    }

    private async Task WriteAsync(List<PendingCommit> commits)
    {
        if (commits.Count == 1)
        {
            await WriteAloneAsync(commits[0]);
            return;
        }

        var started = Stopwatch.GetTimestamp();
        Dictionary<Guid, LedgerConflict> refused;
        try
        {
            refused = await ledger.IssueManyAsync([.. commits.Select(c => c.Batch)]);
        }
        catch (PostgresException)
        {
            // Nothing was written, and one campaign's conflict must not fail the others: each is
            // written alone, which also tells whose the conflict was. Rare (a key reused across
            // campaigns, points spent elsewhere meanwhile, two activations of one campaign).
            await Task.WhenAll(commits.Select(WriteAloneAsync));
            return;
        }
        catch (Exception e)
        {
            foreach (var commit in commits)
            {
                commit.Done.TrySetException(e);
            }

            return;
        }

        GroupCommitMetrics.Committed(commits.Sum(c => refused.ContainsKey(c.Batch.CampaignId) ? 0 : c.Batch.Coupons.Count),
            commits.Count - refused.Count, Stopwatch.GetElapsedTime(started));
        foreach (var commit in commits)
        {
            if (refused.TryGetValue(commit.Batch.CampaignId, out var conflict))
            {
                commit.Done.TrySetException(new LedgerConflictException(conflict));
            }
            else
            {
                commit.Done.TrySetResult();
            }
        }
    }

    private async Task WriteAloneAsync(PendingCommit commit)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await ledger.IssueAsync(commit.Batch);
            GroupCommitMetrics.Committed(commit.Batch.Coupons.Count, campaigns: 1, Stopwatch.GetElapsedTime(started));
            commit.Done.TrySetResult();
        }
        catch (Exception e)
        {
            commit.Done.TrySetException(e);
        }
    }

    private sealed class PendingCommit(CampaignBatch batch)
    {
        public CampaignBatch Batch { get; } = batch;

        // Asynchronous continuations: a grain resumes on its own scheduler, never on the writer's loop.
        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
