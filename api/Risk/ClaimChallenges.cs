using FlashSale.Api.Problems;
using FlashSale.Api.Risk.Signals;

namespace FlashSale.Api.Risk;

/// <summary>Placeholder until the proof of work lands: a challenged claim is refused with 428.</summary>
public sealed class ClaimChallenges
{
    public const string Header = "X-Altcha";

    public IResult? Passed(HttpContext context, ClaimSignals claim, string idempotencyKey, int difficulty, DateTimeOffset now) =>
        Problem.Of(StatusCodes.Status428PreconditionRequired, "challenge_required", "Solve the challenge, then send the claim again.");
}
