using Npgsql;

namespace FlashSale.LoadGen.Options;

/// <summary>Turns <c>--name value</c> or <c>--name=value</c> arguments into validated <see cref="LoadOptions"/>.</summary>
public static class CommandLine
{
    private static readonly HashSet<string> Names =
    [
        "base-url", "target", "mode", "rate", "connections", "duration", "warmup", "requests", "timeout",
        "campaigns", "campaign-ids", "stock", "per-user-limit", "shoppers", "replay-share",
        "signing-key", "issuer", "audience", "token-url", "db", "json",
    ];

    /// <returns>The options, or null when <c>--help</c> was asked for.</returns>
    /// <exception cref="UsageException">The arguments make no valid run.</exception>
    public static LoadOptions? Parse(IReadOnlyList<string> args)
    {
        var given = new Dictionary<string, string>();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg is "--help" or "-h")
            {
                return null;
            }

            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                throw new UsageException($"unexpected argument '{arg}'");
            }

            var equals = arg.IndexOf('=');
            var (name, value) = equals > 2
                ? (arg[2..equals], arg[(equals + 1)..])
                : (arg[2..], i + 1 < args.Count ? args[++i] : throw new UsageException($"{arg} needs a value"));
            if (!Names.Contains(name))
            {
                throw new UsageException($"unknown option --{name}");
            }

            if (!given.TryAdd(name, value))
            {
                throw new UsageException($"--{name} is given twice");
            }
        }

        return Build(new GivenArguments(given));
    }

    private static string ConnectionString(string text)
    {
        try
        {
            _ = new NpgsqlConnectionStringBuilder(text);
            return text;
        }
        catch (ArgumentException e)
        {
            throw new UsageException($"--db is not an Npgsql connection string: {e.Message}");
        }
    }

    private static LoadOptions Build(GivenArguments given)
    {
        var mode = given.Choice<LoopMode>("mode") ?? LoopMode.Closed;
        var target = given.Choice<Target>("target") ?? Target.Claims;
        var rate = given.Double("rate", 0, 10_000_000, minExclusive: true);
        var requests = given.Long("requests", 1);
        if (mode == LoopMode.Open && rate is null)
        {
            throw new UsageException("--mode open needs --rate (requests per second)");
        }

        if (mode == LoopMode.Closed && rate is not null)
        {
            throw new UsageException("--rate applies to --mode open only; a closed loop sends as fast as answers come");
        }

        if (given.Has("campaigns") && given.Has("campaign-ids"))
        {
            throw new UsageException("give --campaigns (to create) or --campaign-ids (to reuse), not both");
        }

        if (given.Has("db") && target != Target.Claims)
        {
            throw new UsageException("--db checks FlashSale's ledger, so it needs --target claims");
        }

        if ((given.Has("issuer") || given.Has("audience")) && !given.Has("signing-key"))
        {
            throw new UsageException("--issuer and --audience describe locally minted tokens: give --signing-key too");
        }

        if (given.Has("signing-key") && given.Has("token-url"))
        {
            throw new UsageException("give --signing-key (mint here) or --token-url (mint there), not both");
        }

        var defaults = new LoadOptions();
        return new LoadOptions
        {
            BaseUrl = given.LoopbackUrl("base-url") ?? defaults.BaseUrl,
            Target = target,
            Mode = mode,
            Rate = rate,
            Connections = given.Int("connections", 1, 10_000) ?? defaults.Connections,
            // A counted run stops on its count; any other run needs a time to stop at.
            Duration = given.Duration("duration", allowZero: false) ?? (requests is null ? TimeSpan.FromSeconds(10) : null),
            // A counted run usually wants every request it sends accounted for, so it warms up only if asked.
            Warmup = given.Duration("warmup", allowZero: true) ?? (requests is null ? TimeSpan.FromSeconds(2) : TimeSpan.Zero),
            Requests = requests,
            Timeout = given.Duration("timeout", allowZero: false) ?? defaults.Timeout,
            Campaigns = given.Int("campaigns", 1, 100_000) ?? defaults.Campaigns,
            CampaignIds = given.Guids("campaign-ids") ?? defaults.CampaignIds,
            Stock = given.Int("stock", 1, int.MaxValue) ?? defaults.Stock,
            PerUserLimit = given.Int("per-user-limit", 1, 1_000_000) ?? defaults.PerUserLimit,
            Shoppers = given.Int("shoppers", 1, 10_000_000) ?? defaults.Shoppers,
            ReplayShare = given.Double("replay-share", 0, 1) ?? defaults.ReplayShare,
            SigningKey = given.Text("signing-key"),
            Issuer = given.Text("issuer") ?? defaults.Issuer,
            Audience = given.Text("audience") ?? defaults.Audience,
            TokenUrl = given.LoopbackUrl("token-url"),
            Database = given.Text("db") is { } db ? ConnectionString(db) : null,
            JsonPath = given.Text("json"),
        };
    }
}
