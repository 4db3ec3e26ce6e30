using System.Diagnostics;

namespace FlashSale.LoadGen.Setup;

/// <summary>
/// The simulated shoppers, numbered 0..Count-1: each has an id unique to this run, one device, and a token
/// kept as the ready-made <c>Authorization</c> header value, so a request allocates none of them.
/// </summary>
public sealed class ShopperPool
{
    private readonly string _runId;
    private readonly string[] _authorizations;
    private readonly string[] _devices;

    private ShopperPool(string runId, string[] authorizations)
    {
        _runId = runId;
        _authorizations = authorizations;
        _devices = Enumerable.Range(0, authorizations.Length).Select(n => $"dev-{n}").ToArray();
    }

    public int Count => _authorizations.Length;

    public string Id(int shopper) => IdOf(_runId, shopper);

    public string Authorization(int shopper) => _authorizations[shopper];

    public string Device(int shopper) => _devices[shopper];

    public static async Task<ShopperPool> CreateAsync(string runId, int count, ITokenMinter minter)
    {
        var clock = Stopwatch.StartNew();
        Console.Error.WriteLine($"minting {count:N0} shopper tokens...");
        var authorizations = new string[count];
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = minter.Parallelism },
            async (shopper, cancellationToken) =>
                authorizations[shopper] = "Bearer " + await minter.MintAsync(IdOf(runId, shopper), "shopper", cancellationToken));
        Console.Error.WriteLine($"minted {count:N0} tokens in {clock.Elapsed.TotalSeconds:F1} s");
        return new ShopperPool(runId, authorizations);
    }

    // The run id keeps one run's shoppers (and so their coupons and limits) apart from every other run's.
    private static string IdOf(string runId, int shopper) => $"{runId}-{shopper}";
}
