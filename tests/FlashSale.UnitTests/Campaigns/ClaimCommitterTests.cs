using FlashSale.GrainInterfaces.Campaigns;
using FlashSale.GrainInterfaces.Claims;
using FlashSale.Grains.Campaigns;
using FlashSale.Grains.Ledger;
using Microsoft.Extensions.Time.Testing;

namespace FlashSale.UnitTests.Campaigns;

/// <summary>
/// Reserving and writing admitted claims, against a ledger that holds each write until the test ends
/// it. Everything runs on a one-at-a-time scheduler, as a grain's turns do.
/// </summary>
public sealed class ClaimCommitterTests
{
    private static readonly DateTimeOffset Opens = new(2026, 11, 11, 12, 0, 0, TimeSpan.Zero);
    private static readonly BatchLimits NoLimits = new(20, null, null, null, 0);
    private readonly TaskScheduler _grainTurns = new ConcurrentExclusiveSchedulerPair().ExclusiveScheduler;
    private readonly FakeTimeProvider _clock = new(Opens.AddMinutes(1));
    private readonly CampaignDefinition _campaign = new(Guid.NewGuid(), "unit", new CouponTerms(CouponKind.Fixed, "CNY", 5m, null, null, null),
        TotalStock: 100, PerUserLimit: 1, Opens, Opens.AddHours(1), new CouponValidity(null, 7), Opens.AddDays(-1), "tests");
    private readonly HeldLedger _ledger = new();
    private readonly FakeLimits _limits = new();
    private readonly RecordedEvents _events = new();
    private readonly ClaimAdmission _admission = new(at => DateOnly.FromDateTime(at.UtcDateTime));
    private readonly ClaimCommitter _committer;

    public ClaimCommitterTests()
    {
        _admission.Stock(_campaign.TotalStock);
        _committer = new ClaimCommitter(_campaign.Id, _admission, _ledger, () => _limits, _events);
    }

    [Fact]
    public async Task Claims_admitted_while_a_write_is_in_flight_share_the_next_one_and_each_is_answered_only_once_committed()
    {
        var first = await OnGrainTurnAsync(() => Admit("amy"));
        var firstWrite = await _ledger.NextWriteAsync();
        var waiting = await OnGrainTurnAsync(() => Enumerable.Range(0, 5).Select(i => Admit($"s{i}")).ToList());

        Assert.False(first.Answer.IsCompleted);
        firstWrite.End();
        Assert.Equal(ClaimOutcome.Issued, (await first.Answer).Outcome);
        var secondWrite = await _ledger.NextWriteAsync();
        Assert.Equal(5, secondWrite.Batch.Coupons.Count);
        Assert.Equal(1, secondWrite.Batch.ExpectedIssued);
        Assert.All(waiting, claim => Assert.False(claim.Answer.IsCompleted));

        secondWrite.End();
        foreach (var claim in waiting)
        {
            Assert.Equal(ClaimOutcome.Issued, (await claim.Answer).Outcome);
        }

        await AfterGrainTurnsAsync();
        Assert.Equal((6, 0), (_admission.Committed, _admission.InFlight));
        Assert.Equal(6, _limits.Confirmed.Count);
        Assert.Equal([1, 5], _events.CommittedBatches);
    }

    [Fact]
    public async Task A_claim_a_limit_refuses_gives_its_unit_back_and_the_others_are_written()
    {
        _limits.Refuse["greedy"] = new ClaimLimits.Refusal(ClaimOutcome.DailyLimitReached, "daily_claim_cap", 3);
        var (greedy, fair) = await OnGrainTurnAsync(() => (Admit("greedy"), Admit("fair")));

        var write = await _ledger.NextWriteAsync();
        Assert.Equal(ClaimOutcome.DailyLimitReached, (await greedy.Answer).Outcome);
        Assert.Equal("fair", Assert.Single(write.Batch.Coupons).ShopperId);
        write.End();
        Assert.Equal(ClaimOutcome.Issued, (await fair.Answer).Outcome);
        await AfterGrainTurnsAsync();
        Assert.Equal((1, 0, 99), (_admission.Committed, _admission.InFlight, _admission.Remaining));
        Assert.Equal([(ClaimOutcome.DailyLimitReached, "daily_claim_cap")], _events.Refusals);
    }

    [Fact]
    public async Task A_failed_write_answers_every_claim_it_held_and_every_one_waiting_unavailable_and_breaks_the_committer()
    {
        var first = await OnGrainTurnAsync(() => Admit("amy"));
        var write = await _ledger.NextWriteAsync();
        var waiting = await OnGrainTurnAsync(() => Admit("ben"));

        write.Fail(new TimeoutException("the database did not answer"));

        Assert.Equal(ClaimOutcome.Unavailable, (await first.Answer).Outcome);
        Assert.Equal(ClaimOutcome.Unavailable, (await waiting.Answer).Outcome);
        await AfterGrainTurnsAsync();
        Assert.True(_committer.Broken);
        Assert.Equal(2, _events.BrokeWithUnanswered);
        Assert.Equal(2, _limits.ReleasedAfterFailedWrite.Count);
        Assert.Equal(0, _admission.Committed);
    }

    [Fact]
    public async Task Claims_waiting_when_the_ledger_says_the_campaign_closed_are_refused_as_the_grain_knows_it_closed()
    {
        _events.Closed = ClaimOutcome.Paused;
        var claim = await OnGrainTurnAsync(() => Admit("amy"));
        (await _ledger.NextWriteAsync()).Fail(new LedgerConflictException(LedgerConflict.Closed));

        Assert.Equal(ClaimOutcome.Paused, (await claim.Answer).Outcome);
        await AfterGrainTurnsAsync();
        Assert.False(_committer.Broken);
        Assert.Equal(0, _admission.InFlight);
    }

    [Fact]
    public async Task A_key_already_used_on_another_campaign_is_refused_and_the_rest_of_its_batch_written_again()
    {
        var (reused, fair) = await OnGrainTurnAsync(() => (Admit("amy", "used-elsewhere"), Admit("ben")));
        _ledger.KeyOwners.Add(new KeyOwner("amy", "used-elsewhere", Guid.NewGuid()));
        (await _ledger.NextWriteAsync()).Fail(new LedgerConflictException(LedgerConflict.KeyTaken));

        var retry = await _ledger.NextWriteAsync();
        Assert.Equal("ben", Assert.Single(retry.Batch.Coupons).ShopperId);
        retry.End();
        Assert.Equal(ClaimOutcome.KeyReused, (await reused.Answer).Outcome);
        Assert.Equal(ClaimOutcome.Issued, (await fair.Answer).Outcome);
    }

    private AdmittedClaim Admit(string shopper, string key = "k")
    {
        var admitted = Assert.IsType<Admission.Admitted>(_admission.Admit(_campaign, new ClaimRequest(shopper, "device", key), _clock.GetUtcNow()));
        _committer.Add(admitted.Claim);
        return admitted.Claim;
    }

    // Queued behind the turn that answered the last claim, so the rest of that turn has run.
    private Task AfterGrainTurnsAsync() => OnGrainTurnAsync(() => true);

    private Task<T> OnGrainTurnAsync<T>(Func<T> turn) =>
        Task.Factory.StartNew(turn, CancellationToken.None, TaskCreationOptions.None, _grainTurns);

    /// <summary>A ledger whose writes wait, one at a time, for the test to end them.</summary>
    private sealed class HeldLedger : ICampaignLedger
    {
        private readonly Lock _lock = new();
        private readonly Queue<HeldWrite> _started = new();
        private TaskCompletionSource<HeldWrite>? _awaited;

        public List<KeyOwner> KeyOwners { get; } = [];

        public Task<LedgerSnapshot?> LoadAsync(Guid campaignId) => throw new NotSupportedException();

        public Task<LedgerShoppers> ReadShoppersAsync(Guid campaignId, IReadOnlyCollection<string> shopperIds) => throw new NotSupportedException();

        public Task<int> ReadHoldersAsync(Guid campaignId, int upToSeq, Action<string> holder) => throw new NotSupportedException();

        public Task IssueAsync(CampaignBatch batch)
        {
            var write = new HeldWrite(batch);
            lock (_lock)
            {
                if (_awaited is { } awaited)
                {
                    _awaited = null;
                    awaited.SetResult(write);
                }
                else
                {
                    _started.Enqueue(write);
                }
            }

            return write.Done.Task;
        }

        public Task<IReadOnlyList<KeyOwner>> FindKeyOwnersAsync(IReadOnlyList<(string ShopperId, string Key)> pairs) =>
            Task.FromResult<IReadOnlyList<KeyOwner>>([.. KeyOwners.Where(o => pairs.Contains((o.ShopperId, o.IdempotencyKey)))]);

        public Task<HeldWrite> NextWriteAsync()
        {
            lock (_lock)
            {
                if (_started.TryDequeue(out var write))
                {
                    return Task.FromResult(write);
                }

                _awaited = new TaskCompletionSource<HeldWrite>(TaskCreationOptions.RunContinuationsAsynchronously);
                return _awaited.Task;
            }
        }
    }

    private sealed class HeldWrite(CampaignBatch batch)
    {
        public CampaignBatch Batch { get; } = batch;
        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void End() => Done.SetResult();

        public void Fail(Exception error) => Done.SetException(error);
    }

    private sealed class FakeLimits : IClaimLimits
    {
        public Dictionary<string, ClaimLimits.Refusal> Refuse { get; } = new(StringComparer.Ordinal);
        public List<AdmittedClaim> Confirmed { get; } = [];
        public List<AdmittedClaim> ReleasedAfterFailedWrite { get; } = [];
        public BatchLimits ForLedger => NoLimits;

        public Task<Dictionary<AdmittedClaim, ClaimLimits.Refusal>> ReserveAsync(List<AdmittedClaim> round)
        {
            foreach (var claim in round)
            {
                claim.Slots = new RiskSlots(claim.Day, 1, null, null, null);
            }

            return Task.FromResult(round.Where(c => Refuse.ContainsKey(c.ShopperId)).ToDictionary(c => c, c => Refuse[c.ShopperId]));
        }

        public void Confirm(IReadOnlyCollection<AdmittedClaim> claims) => Confirmed.AddRange(claims);

        public void Release(IReadOnlyCollection<AdmittedClaim> claims, bool afterFailedWrite)
        {
            if (afterFailedWrite)
            {
                ReleasedAfterFailedWrite.AddRange(claims);
            }
        }
    }

    private sealed class RecordedEvents : IClaimCommitEvents
    {
        public List<int> CommittedBatches { get; } = [];
        public List<(ClaimOutcome, string?)> Refusals { get; } = [];
        public int BrokeWithUnanswered { get; private set; }
        public ClaimOutcome? Closed { get; set; }

        public void Committed(IReadOnlyList<AdmittedClaim> batch, bool soldOut) => CommittedBatches.Add(batch.Count);

        public void Refused(AdmittedClaim claim, ClaimOutcome outcome, ClaimLimits.Refusal? byLimit) => Refusals.Add((outcome, byLimit?.Rule));

        public void Broke(Exception error, int unanswered) => BrokeWithUnanswered = unanswered;

        public ClaimOutcome? ClosedOutcome() => Closed;
    }
}
