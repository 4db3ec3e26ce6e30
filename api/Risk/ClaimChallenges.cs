using FlashSale.Api.Problems;
using FlashSale.Api.Risk.Challenges;
using FlashSale.Api.Risk.Signals;

namespace FlashSale.Api.Risk;

/// <summary>
/// The proof of work a rule's <c>challenge</c> asks of a claim: a claim that carries, in <see cref="Header"/>,
/// the solution of a challenge issued for this very claim (shopper, campaign, Idempotency-Key) of at least the
/// rule's difficulty goes on; any other gets <c>428 challenge_required</c> with a fresh challenge to solve
/// and send back with the same key.
/// </summary>
public sealed class ClaimChallenges(ProofOfWork proofOfWork)
{
    public const string Header = "X-Altcha";

    /// <summary>Null when solved; else the 428 to answer.</summary>
    public IResult? Passed(HttpContext context, ClaimSignals claim, string idempotencyKey, int difficulty, DateTimeOffset now)
    {
        var check = proofOfWork.Verify(context.Request.Headers[Header].ToString(), claim.ShopperId, claim.CampaignId, idempotencyKey, difficulty, now);
        if (check == ChallengeCheck.Verified)
        {
            return null;
        }

        var extensions = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["challenge"] = proofOfWork.Issue(claim.ShopperId, claim.CampaignId, idempotencyKey, difficulty, now),
            ["difficulty"] = difficulty,
        };
        if (check != ChallengeCheck.Missing)
        {
            // Why the solution sent was not taken (expired, too easy, wrong): a person's page solves the new one.
            extensions["refusedSolution"] = Enum.GetName(check)!.ToLowerInvariant();
        }

        return Problem.Of(StatusCodes.Status428PreconditionRequired, "challenge_required",
            "Solve the challenge, then send the claim again with the same Idempotency-Key and the solution in X-Altcha.", extensions: extensions);
    }
}
