using FlashSale.Scalpers.Crowd;

namespace FlashSale.Scalpers.Sale;

/// <summary>
/// An ordinary shopper through the sale, as a person on the shop page: opens the campaign (a read with their
/// device id) before pressing Claim, presses once with one Idempotency-Key, lets the phone solve a challenge
/// and sends the same press again, tries again half a second later when told the sale has not started,
/// waits out a rate limit, and gives up on a refusal or when it is sold out.
/// </summary>
public sealed class ShopperJourney(OrdinaryShopper shopper, string authorization, SaleTarget sale, bool readsCampaign, ProofOfWorkSolver phone, Answers answers)
{
    private const int MostPresses = 30;

    public ShopperResult Result { get; } = new();

    public async Task RunAsync(HttpClient client, CancellationToken stop)
    {
        try
        {
            if (readsCampaign)
            {
                await sale.AtAsync(shopper.ReadsAt, stop);
                Result.Read = await SaleCalls.ReadAsync(client, sale, authorization, shopper.Headers, shopper.Device, stop) == 200;
            }

            await sale.AtAsync(shopper.ClaimsAt, stop);
            await ClaimAsync(client, stop);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The time limit: the shopper is left with their last answer.
        }
    }

    private async Task ClaimAsync(HttpClient client, CancellationToken stop)
    {
        var key = $"{shopper.Id}-press";
        string? solution = null;
        for (var press = 0; press < MostPresses; press++)
        {
            var (answer, sentAt, answeredAt) = await SaleCalls.ClaimAsync(client, sale, authorization, shopper.Headers, key, shopper.Device, solution, stop);
            answers.Add(answer, sentAt, answeredAt);
            Result.Last = answer.Outcome;
            switch (answer)
            {
                case { Issued: true }:
                    Result.Coupon = true;
                    return;
                case { Status: 428, Challenge: { } challenge }:
                    Result.Challenged = true;
                    solution = await phone.SolveAsync(challenge, stop);
                    if (solution is null)
                    {
                        return;
                    }

                    break;
                case { Status: 403 }:
                    Result.Denied |= answer.Code == "risk_denied";
                    Result.Blocked |= answer.Code == "risk_blocked";
                    return;
                case { Status: 409, Code: "not_started" }:
                    await Task.Delay(TimeSpan.FromMilliseconds(500), stop);
                    break;
                case { Status: 429 }:
                    Result.RateLimited = true;
                    await Task.Delay(answer.RetryAfter ?? TimeSpan.FromSeconds(1), stop);
                    break;
                case { Status: >= 400 and < 500 }:
                    return;
                default:
                    // No answer, or 5xx: press again a moment later.
                    await Task.Delay(TimeSpan.FromMilliseconds(300), stop);
                    break;
            }
        }
    }
}
