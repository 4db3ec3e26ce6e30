using FlashSale.LoadGen.Setup;

namespace FlashSale.Scalpers.Options;

/// <summary>One scalper scenario as the command line describes it, already validated.</summary>
public sealed record ScalperOptions
{
    public Uri BaseUrl { get; init; } = new("http://localhost:5000/");

    /// <summary>When set, tokens are minted here with this HS256 key; otherwise by the server's <c>POST /api/dev/tokens</c>.</summary>
    public string? SigningKey { get; init; }

    public int Stock { get; init; } = 500;

    /// <summary>Ordinary shoppers, each an account with one device of its own.</summary>
    public int Shoppers { get; init; } = 2_000;

    public int FarmAccounts { get; init; } = 200;

    /// <summary>The /24 ranges the farm calls from, 1 to 3.</summary>
    public int FarmRanges { get; init; } = 2;

    /// <summary>Threads the farm solves proofs of work on: the cores it brings.</summary>
    public int FarmSolvers { get; init; } = 1;

    /// <summary>The farm sends a full browser header set and reads the campaign with each rotated device id before claiming.</summary>
    public bool FarmMimicsBrowser { get; init; }

    /// <summary>Ordinary shoppers claim without reading the campaign first, as the shop page does (it never sends its device id on a read).</summary>
    public bool ShoppersSkipRead { get; init; }

    /// <summary>How long after setup the sale opens: the time ordinary shoppers have to open the campaign's page.</summary>
    public TimeSpan OpensIn { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>The scenario stops here whatever is still going on (a shopper solving, a farm retrying).</summary>
    public TimeSpan TimeLimit { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Risk rules in force on the scenario's campaign ("after"); null: none ("before").</summary>
    public RiskRuleFile? Rules { get; init; }

    /// <summary>
    /// Which /14 of 127.0.0.0/8 the scenario's addresses come from (N: 127.4N.0.0/14, 1 to 63): runs against one system
    /// each take their own, so that one run's day-long counts and blocks of ranges and fingerprints do not
    /// judge the next. Null: one at random.
    /// </summary>
    public int? Network { get; init; }

    /// <summary>Seeds the populations' draws (profiles, addresses, timing): the same seed, the same crowd.</summary>
    public int Seed { get; init; } = 21;

    /// <summary>Npgsql connection string of FlashSale's database: coupons and risk decisions are read from it after the sale.</summary>
    public string? Database { get; init; }

    public string? JsonPath { get; init; }
}
