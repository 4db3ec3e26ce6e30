using FlashSale.Tests.Infrastructure;

namespace FlashSale.Tests.Money.Model;

/// <summary>A call as it went: its answer, and when it was sent and answered by the test's clock (the server's, on this machine).</summary>
public sealed record Exchange(Call Call, Answer Answer, DateTimeOffset Sent, DateTimeOffset Answered)
{
    public Outcome Observed { get; } = Call.Observe(Answer);
}

/// <summary>
/// Judges a step whose calls ran at once: its answers must be those of SOME serial order of the
/// calls, run on some state the model still holds possible, at some moment within each call's
/// round trip. Every (state, order, moments) that explains all the answers yields a state that
/// remains possible; none means the system did something no serial execution could.
/// </summary>
public static class StepJudge
{
    /// <summary>Beyond this many distinct possible states the rest are dropped (it has not come close).</summary>
    private const int MaxCandidates = 32;

    /// <summary>Room for the database keeping instants to the microsecond.</summary>
    private static readonly TimeSpan Slack = TimeSpan.FromMilliseconds(2);

    public static List<WalletModel> Judge(IReadOnlyList<WalletModel> candidates, IReadOnlyList<Exchange> step)
    {
        var possible = new Dictionary<string, WalletModel>(StringComparer.Ordinal);
        foreach (var candidate in candidates)
        {
            var moments = step.Select(e => MomentsOf(candidate, e, step)).ToList();
            foreach (var order in Permutations(step.Count))
            {
                foreach (var chosen in Combinations(moments))
                {
                    var model = candidate.Clone();
                    model.BeginStep();
                    if (order.All(i => step[i].Call.Expect(model, chosen[i], step[i].Answer) == step[i].Observed))
                    {
                        possible.TryAdd(model.Fingerprint(), model);
                    }

                    if (possible.Count >= MaxCandidates)
                    {
                        return [.. possible.Values];
                    }
                }
            }
        }

        return [.. possible.Values];
    }

    /// <summary>What the model predicted for each call, in the order sent, from the first possible state.</summary>
    public static string Explain(WalletModel candidate, IReadOnlyList<Exchange> step)
    {
        var model = candidate.Clone();
        model.BeginStep();
        return string.Join('\n', step.Select(e =>
        {
            var moments = MomentsOf(model, e, step);
            var expected = e.Call.Expect(model, moments[0], e.Answer);
            return $"    {e.Call}\n      expected {expected}{(moments.Count > 1 ? $" (or one of {moments.Count} moments)" : "")}\n      observed {e.Observed}";
        }));
    }

    /// <summary>
    /// The moments a call may have been judged at: its sending, and each coupon expiry during its
    /// round trip; on a recycling campaign, with and without a unit given back to the stock; a claim
    /// racing others on its campaign, before or after their refusals; a till racing another on its
    /// order, with the order read before or after the other created it.
    /// </summary>
    private static List<Moment> MomentsOf(WalletModel model, Exchange exchange, IReadOnlyList<Exchange> step)
    {
        var (from, to) = (exchange.Sent - Slack, exchange.Answered + Slack);
        List<Moment> moments = [.. model.ExpiriesBetween(from, to).Prepend(from).Select(now => new Moment(now))];
        if (exchange.Call.Restockable(model) is { } campaign && model.MayHaveRecycledMore(campaign, to))
        {
            moments = [.. moments, .. moments.Select(m => m with { Restocked = true })];
        }

        if (exchange.Call is ClaimCall claim && step.Count(e => e.Call is ClaimCall other && other.Campaign == claim.Campaign) > 1)
        {
            moments = [.. moments, .. moments.Select(m => m with { InFlight = true })];
        }

        if (exchange.Call is TillRedeemCall till && step.Count(e => e.Call is TillRedeemCall other && other.MerchantId == till.MerchantId && other.OrderId == till.OrderId) > 1)
        {
            moments = [.. moments, .. moments.Select(m => m with { Stale = true })];
        }

        return moments;
    }

    private static IEnumerable<int[]> Permutations(int count)
    {
        if (count <= 1)
        {
            yield return [.. Enumerable.Range(0, count)];
            yield break;
        }

        foreach (var rest in Permutations(count - 1))
        {
            for (var at = 0; at <= rest.Length; at++)
            {
                yield return [.. rest[..at], count - 1, .. rest[at..]];
            }
        }
    }

    private static IEnumerable<Moment[]> Combinations(List<List<Moment>> choices)
    {
        IEnumerable<Moment[]> all = [[]];
        foreach (var options in choices)
        {
            all = all.SelectMany(prefix => options.Select(option => (Moment[])[.. prefix, option]));
        }

        return all;
    }
}
