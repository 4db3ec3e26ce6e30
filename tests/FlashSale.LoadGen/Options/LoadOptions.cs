namespace FlashSale.LoadGen.Options;

/// <summary>Which server answers the claims.</summary>
public enum Target
{
    /// <summary>FlashSale itself: <c>POST /api/campaigns/{id}/claims</c>.</summary>
    Claims,

    /// <summary>The Redis baseline: <c>POST /redis/campaigns/{id}/claims</c>, same headers and answers.</summary>
    Redis,

    /// <summary><c>POST /bare</c>, which does no work: the most an HTTP server on this box can answer.</summary>
    Bare,
}

public enum LoopMode
{
    /// <summary>Each connection sends, awaits the answer, and sends again.</summary>
    Closed,

    /// <summary>Requests are due at fixed times whatever the answers; latency counts from the due time.</summary>
    Open,
}

/// <summary>One run as the command line describes it, already validated.</summary>
public sealed record LoadOptions
{
    public Uri BaseUrl { get; init; } = new("http://localhost:5000/");
    public Target Target { get; init; } = Target.Claims;
    public LoopMode Mode { get; init; } = LoopMode.Closed;

    /// <summary>Requests per second in open mode; null in closed mode.</summary>
    public double? Rate { get; init; }

    public int Connections { get; init; } = 64;

    /// <summary>How long to measure; null when the run stops on <see cref="Requests"/> alone.</summary>
    public TimeSpan? Duration { get; init; }

    public TimeSpan Warmup { get; init; }

    /// <summary>How many measured requests to send at most; null for no limit.</summary>
    public long? Requests { get; init; }

    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How many campaigns to create; ignored when <see cref="CampaignIds"/> names existing ones.</summary>
    public int Campaigns { get; init; } = 1;

    public IReadOnlyList<Guid> CampaignIds { get; init; } = [];
    public int Stock { get; init; } = 1_000;
    public int PerUserLimit { get; init; } = 1;

    /// <summary>When set, created campaigns are paid sales at this price (yuan): each claim places an order (issue 19's P1 rung).</summary>
    public decimal? CashPrice { get; init; }
    public int Shoppers { get; init; } = 10_000;
    public double ReplayShare { get; init; } = 0.05;

    /// <summary>When set, shopper tokens are minted here with this HS256 key instead of by the server.</summary>
    public string? SigningKey { get; init; }

    public string Issuer { get; init; } = "flashsale";
    public string Audience { get; init; } = "flashsale-api";

    /// <summary>The server whose <c>POST /api/dev/tokens</c> mints tokens; null means <see cref="BaseUrl"/>.</summary>
    public Uri? TokenUrl { get; init; }

    /// <summary>Npgsql connection string of the ledger to check after the run.</summary>
    public string? Database { get; init; }

    public string? JsonPath { get; init; }

    /// <summary>Server processes whose CPU over the measured window goes into the report.</summary>
    public IReadOnlyList<Stats.WatchedProcess> WatchCpu { get; init; } = [];

    /// <summary>
    /// When set, the campaigns created open at this instant, all of them, and the measured window
    /// starts there: the load before it is the warm-up (claims refused as not started).
    /// </summary>
    public DateTimeOffset? OpensAt { get; init; }

    /// <summary>Risk rules in force on the run's campaigns while it claims, removed after it (issue 21: the engine's cost).</summary>
    public Setup.RiskRuleFile? RiskRules { get; init; }

    /// <summary>Create the campaigns (writing their ids to <see cref="JsonPath"/>) and stop, sending no claim.</summary>
    public bool SetupOnly { get; init; }
}
