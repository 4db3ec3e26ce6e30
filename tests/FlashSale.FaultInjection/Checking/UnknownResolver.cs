using FlashSale.FaultInjection.Load;

namespace FlashSale.FaultInjection.Checking;

/// <summary>
/// After the faults, does what a shopper's app does with a claim that timed out or got a 5xx: sends it
/// again with the same key, to any API node, until it gets an answer.
/// </summary>
public sealed class UnknownResolver(ClaimClient client, TimeSpan limit)
{
    public async Task<IReadOnlyList<ResolvedClaim>> ResolveAsync(IEnumerable<ClaimAttempt> history, int parallelism)
    {
        // One per key and campaign: a key's later attempts (replays) are the same question.
        var unknown = history.Where(a => a.Outcome == Outcome.Unknown)
            .GroupBy(a => (a.Request.ShopperId, a.Request.Key, a.Request.CampaignId)).Select(g => g.First()).ToList();
        var deadline = DateTime.UtcNow + limit;
        var resolved = new ResolvedClaim[unknown.Count];
        await Parallel.ForAsync(0, unknown.Count, new ParallelOptions { MaxDegreeOfParallelism = parallelism }, async (i, _) =>
        {
            var request = unknown[i].Request;
            var answer = await AnswerAsync(request, i, deadline);
            var again = answer is null ? null : await AnswerAsync(request, i + 1, deadline);
            resolved[i] = new ResolvedClaim(unknown[i], answer, again);
        });
        return resolved;
    }

    private Task<ClaimAttempt?> AnswerAsync(ClaimRequest request, int node, DateTime deadline) =>
        Answering.UntilAnsweredAsync(n => client.SendAsync(request, n), a => a.Outcome, node, deadline);
}
