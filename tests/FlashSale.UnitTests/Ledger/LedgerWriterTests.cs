using FlashSale.Grains.Ledger;
using Npgsql;

namespace FlashSale.UnitTests.Ledger;

/// <summary>
/// How the silo's writer shares transactions between campaigns, against a ledger that holds each
/// write until the test lets it end (the SQL itself is tested on PostgreSQL, LedgerWritesTests).
/// </summary>
public sealed class LedgerWriterTests
{
    private static readonly BatchLimits NoLimits = new(DailyClaimCap: 20, null, null, null, PointsPrice: 0);

    [Fact]
    public async Task Campaigns_that_wait_while_the_writes_are_in_flight_share_the_next_transaction()
    {
        var ledger = new HeldLedger();
        var writes = await WhileBothTransactionsAreHeldAsync(ledger, new LedgerWriter(ledger), 50);

        await Task.WhenAll(writes);
        Assert.Equal([1, 1, 50], ledger.Writes.Select(w => w.Count));
    }

    [Fact]
    public async Task A_campaign_its_fence_refused_hears_why_and_the_others_in_its_transaction_commit()
    {
        var ledger = new HeldLedger();
        var writes = await WhileBothTransactionsAreHeldAsync(ledger, new LedgerWriter(ledger), 3,
            batches =>
            {
                ledger.Refuse[batches[0].CampaignId] = LedgerConflict.StaleCount;
                ledger.Refuse[batches[1].CampaignId] = LedgerConflict.Closed;
            });

        Assert.Equal(LedgerConflict.StaleCount, (await Assert.ThrowsAsync<LedgerConflictException>(() => writes[0])).Conflict);
        Assert.Equal(LedgerConflict.Closed, (await Assert.ThrowsAsync<LedgerConflictException>(() => writes[1])).Conflict);
        await writes[2];
        Assert.Equal([1, 1, 3], ledger.Writes.Select(w => w.Count));
    }

    [Fact]
    public async Task A_conflict_only_the_write_finds_fails_nobody_else_each_campaign_is_written_alone_and_hears_its_own_answer()
    {
        var ledger = new HeldLedger { FailTogether = new PostgresException("a key already holds a coupon", "ERROR", "ERROR", "FS003") };
        var writes = await WhileBothTransactionsAreHeldAsync(ledger, new LedgerWriter(ledger), 3,
            batches => ledger.Refuse[batches[0].CampaignId] = LedgerConflict.KeyTaken);

        Assert.Equal(LedgerConflict.KeyTaken, (await Assert.ThrowsAsync<LedgerConflictException>(() => writes[0])).Conflict);
        await writes[1];
        await writes[2];
        // The shared attempt, then each of the three alone.
        Assert.Equal([1, 1, 3, 1, 1, 1], ledger.Writes.Select(w => w.Count));
    }

    [Fact]
    public async Task When_the_database_fails_every_campaign_in_the_transaction_hears_it()
    {
        var lost = new NpgsqlException("connection lost");
        var ledger = new HeldLedger { FailTogether = lost };
        var writes = await WhileBothTransactionsAreHeldAsync(ledger, new LedgerWriter(ledger), 3);

        foreach (var write in writes)
        {
            Assert.Same(lost, await Assert.ThrowsAsync<NpgsqlException>(() => write));
        }

        Assert.Equal([1, 1, 3], ledger.Writes.Select(w => w.Count));
    }

    /// <summary>
    /// Holds both of the writer's transactions with a campaign each, hands it <paramref name="count"/>
    /// more campaigns' batches (which must wait, and so go together), then lets every write end.
    /// The tasks returned are the waiting batches', the holders' first.
    /// </summary>
    private static async Task<List<Task>> WhileBothTransactionsAreHeldAsync(HeldLedger ledger, LedgerWriter writer, int count,
        Action<List<CampaignBatch>>? arrange = null)
    {
        var holders = new List<Task> { writer.IssueAsync(Batch()) };
        await ledger.Started(1);
        holders.Add(writer.IssueAsync(Batch()));
        await ledger.Started(2);

        var batches = Enumerable.Range(0, count).Select(_ => Batch()).ToList();
        arrange?.Invoke(batches);
        var waiting = batches.Select(writer.IssueAsync).ToList();
        ledger.EndAll();
        await Task.WhenAll(holders);
        return waiting;
    }

    private static CampaignBatch Batch()
    {
        var now = DateTimeOffset.UtcNow;
        var coupon = new NewCoupon(Guid.NewGuid(), "shopper", 1, "device", "key", "CODE", now, now.AddDays(1),
            new RiskSlots(DateOnly.FromDateTime(now.UtcDateTime), 1, null, null, null));
        return new CampaignBatch(Guid.NewGuid(), 0, [coupon], NoLimits);
    }

    /// <summary>
    /// Records every write (its campaigns) and holds it until <see cref="EndAll"/>, after which
    /// writes end at once; refuses the campaigns in <see cref="Refuse"/> as their fences would.
    /// </summary>
    private sealed class HeldLedger : IClaimWrites
    {
        private readonly Lock _lock = new();
        private readonly List<TaskCompletionSource> _held = [];
        private readonly List<(int Writes, TaskCompletionSource Started)> _awaited = [];
        private bool _ended;

        public List<IReadOnlyList<CampaignBatch>> Writes { get; } = [];
        public Dictionary<Guid, LedgerConflict> Refuse { get; } = [];
        public Exception? FailTogether { get; init; }

        public async Task IssueAsync(CampaignBatch batch)
        {
            await Record([batch]);
            if (Refuse.TryGetValue(batch.CampaignId, out var conflict))
            {
                throw new LedgerConflictException(conflict);
            }
        }

        public async Task<Dictionary<Guid, LedgerConflict>> IssueManyAsync(IReadOnlyList<CampaignBatch> batches)
        {
            await Record(batches);
            if (FailTogether is { } failure)
            {
                throw failure;
            }

            return batches.Where(b => Refuse.ContainsKey(b.CampaignId)).ToDictionary(b => b.CampaignId, b => Refuse[b.CampaignId]);
        }

        /// <summary>Completes once this many writes have started.</summary>
        public Task Started(int writes)
        {
            lock (_lock)
            {
                if (Writes.Count >= writes)
                {
                    return Task.CompletedTask;
                }

                var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                _awaited.Add((writes, started));
                return started.Task;
            }
        }

        public void EndAll()
        {
            lock (_lock)
            {
                _ended = true;
                foreach (var held in _held)
                {
                    held.TrySetResult();
                }

                _held.Clear();
            }
        }

        private Task Record(IReadOnlyList<CampaignBatch> batches)
        {
            lock (_lock)
            {
                Writes.Add(batches);
                foreach (var awaited in _awaited.Where(a => Writes.Count >= a.Writes))
                {
                    awaited.Started.TrySetResult();
                }

                if (_ended)
                {
                    return Task.CompletedTask;
                }

                var held = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                _held.Add(held);
                return held.Task;
            }
        }
    }
}
