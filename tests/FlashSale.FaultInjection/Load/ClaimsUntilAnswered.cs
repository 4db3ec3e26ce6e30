namespace FlashSale.FaultInjection.Load;

/// <summary>Claims for shoppers who act on the answer: each sent until answered, every attempt kept in the history.</summary>
public sealed class ClaimsUntilAnswered(ClaimClient client, ClaimHistory history, TimeSpan answerWithin)
{
    /// <returns>The answer; null if none came in time.</returns>
    public Task<ClaimAttempt?> ClaimAsync(ClaimRequest claim, int node) =>
        Answering.UntilAnsweredAsync(n => client.SendAsync(claim, n), a => a.Outcome, node, DateTime.UtcNow + answerWithin, history.Add);

    /// <summary>The same claim to both API nodes at once; an acknowledgement if either got one.</summary>
    public async Task<ClaimAttempt?> TwinAsync(ClaimRequest claim)
    {
        var both = await Task.WhenAll(ClaimAsync(claim, 0), ClaimAsync(claim, 1));
        return both.FirstOrDefault(a => a?.Outcome == Outcome.Acknowledged) ?? both[0];
    }
}
