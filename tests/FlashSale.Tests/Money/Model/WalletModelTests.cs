using System.Globalization;
using CsCheck;

namespace FlashSale.Tests.Money.Model;

/// <summary>
/// The model-based test of the wallet (issue 16, item 3): CsCheck generates sequences of claims,
/// redemptions, checkouts, till redemptions, refunds by shoppers and merchants, transfers, points
/// cards and credits by 3-4 shoppers and two merchants' tills; each runs against the real system over
/// HTTP, concurrently where the model allows, and must agree with the reference model answer by
/// answer, then in PostgreSQL and the wallets, with M1-M7 holding in SQL.
///
/// CI runs 12 sequences of 20-30 operations. By hand, more:
/// <c>FLASHSALE_MODEL_SEQUENCES=200 dotnet test tests/FlashSale.Tests --filter FullyQualifiedName~WalletModelTests</c>
/// (<c>FLASHSALE_MODEL_OPERATIONS=40</c> makes sequences of 20-40 operations). A failure prints CsCheck's
/// seed and the sequence; <c>FLASHSALE_MODEL_SEED=&lt;seed&gt;</c> runs that sequence again first.
/// </summary>
[Trait("Tier", "EndToEnd")]
public sealed class WalletModelTests(WalletModelSystem system, ITestOutputHelper output) : IClassFixture<WalletModelSystem>
{
    [Fact]
    public async Task Random_sequences_of_wallet_operations_answer_as_the_model_does_and_keep_M1_to_M7()
    {
        var sequences = Setting("FLASHSALE_MODEL_SEQUENCES", 12);
        var maxOperations = Setting("FLASHSALE_MODEL_OPERATIONS", 30);
        var runner = new SequenceRunner(system);
        try
        {
            await SequenceGen.Sequences(20, Math.Max(20, maxOperations)).SampleAsync(runner.RunAsync, output.WriteLine,
                seed: Environment.GetEnvironmentVariable("FLASHSALE_MODEL_SEED"), iter: sequences, threads: 1, print: s => s.ToString());
        }
        finally
        {
            output.WriteLine(runner.Figures.Report());
        }
    }

    private static int Setting(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), CultureInfo.InvariantCulture, out var value) && value > 0 ? value : fallback;
}
