namespace FlashSale.Api.Risk.Challenges;

/// <summary>
/// What each difficulty, 1 to 8 as the risk rule sets it, asks of the solver. One attempt is a PBKDF2-HMAC-SHA256
/// of <c>cost</c> iterations, and its key starts with a prefix of n hex digits once in 16^n attempts on average, so a
/// challenge costs 16^n × cost iterations on average. Each step asks four times the work of the step before.
/// The times are the widget's in headless Chromium on two busy cores (its two workers did 4 to 7 million
/// iterations a second in all): the mean of 3 to 15 solves, but for 4 and 8, worked out from that rate.
/// <code>
/// difficulty  prefix  cost   iterations on average   solved in, on average
///     1       0       1,000         16,000             3 ms
///     2       0       4,000         64,000            12 ms
///     3       00      1,000        256,000            50 ms
///     4       00      4,000      1,024,000          ~0.15 s
///     5       000     1,000      4,096,000           0.6 s
///     6       000     4,000     16,384,000             2 s
///     7       0000    1,000     65,536,000            11 s
///     8       0000    4,000    262,144,000           ~40 s
/// </code>
/// So 1 to 4 pass unnoticed (the widget shows itself for half a second whatever the work), 5 and 6 cost a
/// farm seconds of CPU a claim, 7 and 8 are for the near-certain. The work is a geometric draw: one
/// challenge in twenty takes three times its average.
/// </summary>
/// <remarks>
/// The cost stays at 4,000 or less because checking a solution derives one key on the API node (about 1 ms);
/// the prefix is what grows, and it costs the checker nothing.
/// </remarks>
public static class ChallengeDifficulty
{
    public const int Easiest = 1;
    public const int Hardest = 8;

    public static (string KeyPrefix, int Cost) Of(int difficulty)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(difficulty, Easiest);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(difficulty, Hardest);
        return (new string('0', (difficulty + 1) / 2), difficulty % 2 == 1 ? 1_000 : 4_000);
    }

    /// <summary>PBKDF2 iterations a challenge costs on average; any prefix of a length is as hard to hit as another.</summary>
    public static double ExpectedWork(string keyPrefix, int cost) => Math.Pow(16, keyPrefix.Length) * cost;
}
