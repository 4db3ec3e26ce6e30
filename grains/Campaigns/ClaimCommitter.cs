using FlashSale.GrainInterfaces.Claims;
using FlashSale.Grains.Ledger;

namespace FlashSale.Grains.Campaigns;

/// <summary>
/// Carries admitted claims to the ledger in rounds: a round of limit reservations, then a group
/// commit, each with one round in flight while the claims admitted meanwhile queue for the next. A
/// caller is answered only once the transaction holding its claim has committed. A failed write
/// acknowledges none of its claims and breaks the committer: the activation then goes away, and the
/// next one rebuilds its view from the ledger. Runs on its grain's turns, so its fields need no locks
/// (ClaimCommitterTests run it on a one-at-a-time scheduler, as a grain would).
/// </summary>
internal sealed class ClaimCommitter(Guid campaignId, ClaimAdmission admission, ICampaignLedger ledger, Func<IClaimLimits> limits,
    IClaimCommitEvents events)
{
    // Bounds one transaction's size; a larger backlog is written by successive transactions.
    public const int MaxClaimsPerWrite = 4096;

    private List<AdmittedClaim> _reserving = [];
    private Task _reserver = Task.CompletedTask;
    private List<AdmittedClaim> _queued = [];
    private Task _writer = Task.CompletedTask;

    /// <summary>A write failed: nothing more is written by this activation.</summary>
    public bool Broken { get; private set; }

    /// <summary>Completes when the rounds in flight now have ended (claims admitted later may start new ones).</summary>
    public Task RoundsInFlight => Task.WhenAll(_reserver, _writer);

    /// <summary>Takes an admitted claim on: its answer completes once it is committed or refused.</summary>
    public void Add(AdmittedClaim claim)
    {
        _reserving.Add(claim);
        if (_reserver.IsCompleted)
        {
            _reserver = ReserveRoundsAsync();
        }
    }

    /// <summary>
    /// Rounds of limit reservations. A claim refused by a limit gives its stock unit back; the others
    /// queue for the next write.
    /// </summary>
    private async Task ReserveRoundsAsync()
    {
        // Let the claims already in the mailbox be admitted before the first round starts.
        await Task.Yield();
        ClaimRounds.LeaveCallerTrace();
        while (_reserving.Count > 0 && !Broken)
        {
            var round = _reserving;
            _reserving = [];
            Dictionary<AdmittedClaim, ClaimLimits.Refusal> refusals;
            using (ClaimRounds.Start("reserve limits", campaignId, round))
            {
                refusals = await limits().ReserveAsync(round);
            }

            foreach (var claim in round)
            {
                if (refusals.TryGetValue(claim, out var refusal))
                {
                    Refuse(claim, refusal.Outcome, refusal);
                }
                else if (Broken)
                {
                    limits().Release([claim], afterFailedWrite: false);
                    Refuse(claim, ClaimOutcome.Unavailable);
                }
                else
                {
                    _queued.Add(claim);
                }
            }

            if (_queued.Count > 0 && _writer.IsCompleted)
            {
                _writer = WriteRoundsAsync();
            }
        }
    }

    private async Task WriteRoundsAsync()
    {
        await Task.Yield();
        ClaimRounds.LeaveCallerTrace();
        while (_queued.Count > 0 && !Broken)
        {
            List<AdmittedClaim> batch;
            if (_queued.Count <= MaxClaimsPerWrite)
            {
                (batch, _queued) = (_queued, []);
            }
            else
            {
                batch = _queued[..MaxClaimsPerWrite];
                _queued.RemoveRange(0, MaxClaimsPerWrite);
            }

            await CommitAsync(batch);
        }
    }

    private async Task CommitAsync(List<AdmittedClaim> batch)
    {
        using var span = ClaimRounds.Start("group commit", campaignId, batch);
        while (batch.Count > 0)
        {
            try
            {
                await ledger.IssueAsync(new CampaignBatch(campaignId, admission.Committed, admission.RowsOf(batch), limits().ForLedger));
            }
            catch (LedgerConflictException e) when (e.Conflict == LedgerConflict.KeyTaken)
            {
                // Rare: a shopper reused a key from another campaign. Refuse those claims, write the rest.
                if (!await RefuseKeysTakenElsewhereAsync(batch))
                {
                    Break(batch, e);
                    return;
                }

                continue;
            }
            catch (LedgerConflictException e) when (e.Conflict == LedgerConflict.Closed && events.ClosedOutcome() is { } closed)
            {
                // A pause or an end was acknowledged while these claims waited: none of them is issued (M6).
                limits().Release(batch, afterFailedWrite: false);
                foreach (var claim in batch)
                {
                    Refuse(claim, closed);
                }

                return;
            }
            catch (Exception e)
            {
                Break(batch, e);
                return;
            }

            var soldOut = admission.Commit(batch);
            foreach (var claim in batch)
            {
                claim.MarkCommitted();
            }

            limits().Confirm(batch);
            events.Committed(batch, soldOut);
            return;
        }
    }

    /// <summary>
    /// Refuses, and takes out of the batch, the claims whose key already holds a coupon on another
    /// campaign. False when a key holds one on this campaign: then this activation's view is stale.
    /// </summary>
    private async Task<bool> RefuseKeysTakenElsewhereAsync(List<AdmittedClaim> batch)
    {
        var owners = await ledger.FindKeyOwnersAsync([.. batch.Select(c => (c.ShopperId, c.IdempotencyKey))]);
        if (owners.Count == 0 || owners.Any(o => o.CampaignId == campaignId))
        {
            return false;
        }

        var taken = owners.Select(o => (o.ShopperId, o.IdempotencyKey)).ToHashSet();
        foreach (var claim in batch.Where(c => taken.Contains((c.ShopperId, c.IdempotencyKey))).ToList())
        {
            batch.Remove(claim);
            limits().Release([claim], afterFailedWrite: false);
            Refuse(claim, ClaimOutcome.KeyReused);
        }

        return true;
    }

    private void Refuse(AdmittedClaim claim, ClaimOutcome outcome, ClaimLimits.Refusal? byLimit = null)
    {
        admission.Withdraw(claim);
        claim.Fail(outcome);
        events.Refused(claim, outcome, byLimit);
    }

    private void Break(List<AdmittedClaim> batch, Exception error)
    {
        Broken = true;
        var unwritten = batch.Concat(_queued).ToList();
        limits().Release(unwritten, afterFailedWrite: true);
        var unanswered = unwritten.Concat(_reserving).ToList();
        foreach (var claim in unanswered)
        {
            claim.Fail(ClaimOutcome.Unavailable);
        }

        _queued = [];
        _reserving = [];
        events.Broke(error, unanswered.Count);
    }
}

/// <summary>What a <see cref="ClaimCommitter"/> tells its grain as claims end.</summary>
internal interface IClaimCommitEvents
{
    /// <summary>A batch committed and was counted; <paramref name="soldOut"/> when it took the last of the stock.</summary>
    void Committed(IReadOnlyList<AdmittedClaim> batch, bool soldOut);

    /// <summary>An admitted claim was refused after all (a limit, a reused key, a close) and gave its unit back.</summary>
    void Refused(AdmittedClaim claim, ClaimOutcome outcome, ClaimLimits.Refusal? byLimit);

    /// <summary>A write failed; this many claims were answered unavailable, none of them written by this activation.</summary>
    void Broke(Exception error, int unanswered);

    /// <summary>Why the grain knows its campaign is closed to claims; null when it believes it open (then its view is stale).</summary>
    ClaimOutcome? ClosedOutcome();
}
