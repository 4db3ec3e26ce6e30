using FlashSale.Scalpers.Crowd;

namespace FlashSale.Scalpers.Sale;

/// <summary>
/// The farm: every account fires at once, <see cref="Lead"/> before the opening, and retries every
/// <see cref="RetryEvery"/> while told the sale has not started; every request carries a fresh device id; it
/// never reads the campaign (unless it mimics a browser, then it reads with each new device id first). A
/// challenge is solved on the farm's own threads and the same claim sent again with the solution (kept for
/// the key's later retries); a refusal (403) makes it drop the account; a sold-out answer stops the farm.
/// </summary>
public sealed class FarmScript(IReadOnlyList<FarmAccount> accounts, IReadOnlyList<string> authorizations, SaleTarget sale, bool mimicsBrowser,
    ProofOfWorkSolver solver, Answers answers)
{
    public static readonly TimeSpan Lead = TimeSpan.FromMilliseconds(50);
    public static readonly TimeSpan RetryEvery = TimeSpan.FromMilliseconds(10);
    private static readonly TimeSpan ConnectAt = TimeSpan.FromSeconds(-1.5);

    private int _coupons;
    private int _refusedAccounts;
    private long _reads;

    public int Coupons => _coupons;

    /// <summary>Accounts the farm dropped on a 403.</summary>
    public int RefusedAccounts => _refusedAccounts;

    public long Reads => Interlocked.Read(ref _reads);

    public async Task RunAsync(IReadOnlyList<HttpClient> clients, CancellationToken stop)
    {
        using var soldOut = CancellationTokenSource.CreateLinkedTokenSource(stop);
        try
        {
            // Connections opened ahead, so that the first claims go out at the instant without a handshake.
            await sale.AtAsync(ConnectAt, stop);
            await Task.WhenAll(clients.Select(async client => (await client.GetAsync("health/live", stop)).Dispose()));
            await sale.AtAsync(-Lead, stop);
            await Task.WhenAll(accounts.Select(account => ClaimAsync(account, clients[account.Number], soldOut)));
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The time limit.
        }
    }

    private async Task ClaimAsync(FarmAccount account, HttpClient client, CancellationTokenSource soldOut)
    {
        var stop = soldOut.Token;
        var key = $"{account.Id}-k";
        string? solution = null;
        try
        {
            while (!stop.IsCancellationRequested)
            {
                var device = Guid.NewGuid().ToString();
                if (mimicsBrowser)
                {
                    await SaleCalls.ReadAsync(client, sale, authorizations[account.Number], account.Headers, device, stop);
                    Interlocked.Increment(ref _reads);
                }

                var (answer, sentAt, answeredAt) = await SaleCalls.ClaimAsync(client, sale, authorizations[account.Number], account.Headers, key, device, solution, stop);
                answers.Add(answer, sentAt, answeredAt);
                switch (answer)
                {
                    case { Issued: true }:
                        Interlocked.Increment(ref _coupons);
                        return;
                    case { Status: 409, Code: "not_started" }:
                        await Task.Delay(RetryEvery, stop);
                        break;
                    case { Status: 409, Code: "sold_out" }:
                        await soldOut.CancelAsync();
                        return;
                    case { Status: 428, Challenge: { } challenge }:
                        solution = await solver.SolveAsync(challenge, stop);
                        break;
                    case { Status: 403 }:
                        Interlocked.Increment(ref _refusedAccounts);
                        return;
                    case { Status: 429 }:
                        await Task.Delay(answer.RetryAfter ?? TimeSpan.FromSeconds(1), stop);
                        break;
                    case { Status: >= 400 and < 500 }:
                        return;
                    default:
                        await Task.Delay(RetryEvery, stop);
                        break;
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Sold out, or the time limit.
        }
    }
}
