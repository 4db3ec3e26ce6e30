using System.CommandLine;
using System.CommandLine.Parsing;
using FlashSale.LoadGen.Setup;
using FlashSale.LoadGen.Stats;

namespace FlashSale.LoadGen.Options;

/// <summary>The load generator's command line: every option with its unit, default and bounds, and the rules across them.</summary>
public sealed class LoadCommand : ToolCommand<LoadOptions>
{
    public const int Done = 0, SetupFailed = 1, InvariantBroken = 3;

    private static readonly LoadOptions Defaults = new();

    private readonly Option<Uri> _baseUrl = new("--base-url")
    {
        HelpName = "URL",
        Description = "Server under load; must be on this machine (localhost, 127.0.0.0/8 or [::1])",
        DefaultValueFactory = _ => Defaults.BaseUrl,
        CustomParser = OptionValues.LoopbackUrl,
    };

    private readonly Option<Target> _target = Bounded.Choice("--target",
        "claims: POST /api/campaigns/{id}/claims; redis: POST /redis/campaigns/{id}/claims on the Redis baseline; "
        + "bare: POST /bare with a small JSON body (the HTTP ceiling)", defaultValue: Defaults.Target);

    private readonly Option<LoopMode> _mode = Bounded.Choice("--mode",
        "closed: each connection sends, awaits the answer, sends again; open: requests fall due at fixed times whatever the answers, "
        + "and a request that finds no free connection waits, its latency counted from when it fell due", defaultValue: Defaults.Mode);

    private readonly Option<double?> _rate = new("--rate")
    {
        HelpName = "R",
        Description = "Requests per second; open mode only, and required there",
        CustomParser = result => OptionValues.Number(result, 0, 10_000_000, minExclusive: true),
    };

    private readonly Option<int> _connections = Bounded.WholeNumber("--connections", "C",
        "Keep-alive HTTP/1.1 connections, one request in flight on each", defaultValue: Defaults.Connections, min: 1, max: 10_000);

    private readonly Option<TimeSpan?> _duration = new("--duration")
    {
        HelpName = "T",
        Description = $"Time measured ({OptionValues.TimeHelp}); default 10s, or none with --requests",
        CustomParser = result => OptionValues.Time(result, allowZero: false),
    };

    private readonly Option<TimeSpan?> _warmup = new("--warmup")
    {
        HelpName = "T",
        Description = $"Unmeasured time before the measured one ({OptionValues.TimeHelp}); default 2s, or 0 with --requests",
        CustomParser = result => OptionValues.Time(result, allowZero: true),
    };

    private readonly Option<long?> _requests = new("--requests")
    {
        HelpName = "N",
        Description = "Stop after N measured requests (with --duration: whichever comes first)",
        CustomParser = result => OptionValues.WholeNumber(result, 1L, long.MaxValue),
    };

    private readonly Option<TimeSpan> _timeout = Bounded.Time("--timeout", "Give up on one request after this time", defaultValue: Defaults.Timeout);

    private readonly Option<int> _campaigns = Bounded.WholeNumber("--campaigns", "N",
        "Create N campaigns; each request picks one at random", defaultValue: Defaults.Campaigns, min: 1, max: 100_000);

    private readonly Option<IReadOnlyList<Guid>> _campaignIds = new("--campaign-ids")
    {
        HelpName = "a,b,c",
        Description = "Claim on these existing campaigns (ids, comma-separated) instead of creating any",
        CustomParser = CampaignIds,
    };

    private readonly Option<int> _stock = Bounded.WholeNumber("--stock", "S",
        "Coupons in each created campaign", defaultValue: Defaults.Stock, min: 1, max: int.MaxValue);

    private readonly Option<int> _perUserLimit = Bounded.WholeNumber("--per-user-limit", "L",
        "Coupons one shopper may hold per created campaign", defaultValue: Defaults.PerUserLimit, min: 1, max: 1_000_000);

    private readonly Option<int> _shoppers = Bounded.WholeNumber("--shoppers", "N",
        "Distinct shoppers, one device each, all with tokens minted up front; each request picks one at random",
        defaultValue: Defaults.Shoppers, min: 1, max: 10_000_000);

    private readonly Option<double> _replayShare = new("--replay-share")
    {
        HelpName = "F",
        Description = "Share of requests (0 to 1) that resend a key which already got a coupon, by the same shopper to the same campaign; "
            + "the same coupon must come back",
        DefaultValueFactory = _ => Defaults.ReplayShare,
        CustomParser = result => OptionValues.Number(result, 0, 1),
    };

    private readonly Option<string?> _signingKey = new("--signing-key")
    {
        HelpName = "K",
        Description = "Mint HS256 shopper tokens here with key K (fast: use it for a million shoppers) instead of asking the server",
    };

    private readonly Option<string> _issuer = new("--issuer")
    {
        HelpName = "I",
        Description = "iss of the tokens minted with --signing-key",
        DefaultValueFactory = _ => Defaults.Issuer,
    };

    private readonly Option<string> _audience = new("--audience")
    {
        HelpName = "A",
        Description = "aud of the tokens minted with --signing-key",
        DefaultValueFactory = _ => Defaults.Audience,
    };

    private readonly Option<Uri?> _tokenUrl = new("--token-url")
    {
        HelpName = "URL",
        Description = "Server whose POST /api/dev/tokens mints the tokens (default: --base-url); the Redis baseline has no such endpoint, "
            + "FlashSale's API in Development does",
        CustomParser = OptionValues.LoopbackUrl,
    };

    private readonly Option<string?> _database = new("--db")
    {
        HelpName = "CONNSTRING",
        Description = "After the run, check the invariants in FlashSale's PostgreSQL ledger (an Npgsql connection string)",
        CustomParser = OptionValues.ConnectionString,
    };

    private readonly Option<string?> _json = new("--json")
    {
        HelpName = "FILE",
        Description = "Also write the results as JSON to FILE",
    };

    private readonly Option<IReadOnlyList<WatchedProcess>> _watchCpu = new("--watch-cpu")
    {
        HelpName = "NAME=PID[+]",
        Description = "Report the CPU this process used over the measured window, per request and per claim (repeatable; "
            + "PID+ adds its child processes, as PostgreSQL's backends)",
        Arity = ArgumentArity.OneOrMore,
        AllowMultipleArgumentsPerToken = false,
        CustomParser = WatchedProcesses,
    };

    private readonly Option<DateTimeOffset?> _opensAt = new("--opens-at")
    {
        HelpName = "TIME",
        Description = "Created campaigns all open at TIME (ISO 8601, e.g. 2026-11-11T12:00:00Z) and measurement starts there; "
            + "the load before it is the warm-up (must be in the future when the load starts)",
        CustomParser = OpeningTime,
    };

    private readonly Option<decimal?> _cashPrice = new("--cash-price")
    {
        HelpName = "YUAN",
        Description = "Created campaigns are paid sales at this price: each claim places an order holding its unit (for an hour), paid or not",
    };

    private readonly Option<RiskRuleFile?> _riskRules = new("--risk-rules")
    {
        HelpName = "FILE",
        Description = "Put these risk rules in force on the run's campaigns while it claims, and remove them after it: a JSON array of "
            + "POST /api/admin/risk/rules bodies, each saved for each campaign with an admin token minted like the shoppers'",
        CustomParser = OptionValues.RuleFile,
    };

    private readonly Option<bool> _setupOnly = new("--setup-only")
    {
        Description = "Only create the campaigns: print their ids (and write them with --json), send no claim",
    };

    public LoadCommand()
        : base($"""
            FlashSale.LoadGen: simulated shoppers racing to claim coupons, for benchmarks.
            Targets this machine only; every run stops by itself (time or request count).
            Progress goes to stderr every second; the summary to stdout.
            Exit codes: {Done} done and every invariant held, {SetupFailed} setup failed, {UsageError} bad command line, {InvariantBroken} an invariant failed.
            """)
    {
        Options.Add(_baseUrl);
        Options.Add(_target);
        Options.Add(_mode);
        Options.Add(_rate);
        Options.Add(_connections);
        Options.Add(_duration);
        Options.Add(_warmup);
        Options.Add(_requests);
        Options.Add(_timeout);
        Options.Add(_campaigns);
        Options.Add(_campaignIds);
        Options.Add(_stock);
        Options.Add(_perUserLimit);
        Options.Add(_cashPrice);
        Options.Add(_shoppers);
        Options.Add(_replayShare);
        Options.Add(_signingKey);
        Options.Add(_issuer);
        Options.Add(_audience);
        Options.Add(_tokenUrl);
        Options.Add(_database);
        Options.Add(_json);
        Options.Add(_watchCpu);
        Options.Add(_opensAt);
        Options.Add(_riskRules);
        Options.Add(_setupOnly);
        AddRule(ModeAndRate);
        AddRule(result => Exclusive(result, _opensAt, _warmup, "--opens-at sets the warm-up (until the opening): give one of them"));
        AddRule(result => Exclusive(result, _campaigns, _campaignIds, "give --campaigns (to create) or --campaign-ids (to reuse), not both"));
        AddRule(result => Exclusive(result, _signingKey, _tokenUrl, "give --signing-key (mint here) or --token-url (mint there), not both"));
        AddRule(TokensMintedHere);
        AddRule(LedgerOfClaims);
        AddRule(RulesOfClaims);
    }

    public override LoadOptions Read(ParseResult parsed)
    {
        var requests = parsed.GetValue(_requests);
        return new LoadOptions
        {
            BaseUrl = parsed.GetRequiredValue(_baseUrl),
            Target = parsed.GetValue(_target),
            Mode = parsed.GetValue(_mode),
            Rate = parsed.GetValue(_rate),
            Connections = parsed.GetValue(_connections),
            // A counted run stops on its count; any other run needs a time to stop at.
            Duration = parsed.GetValue(_duration) ?? (requests is null ? TimeSpan.FromSeconds(10) : null),
            // A counted run usually wants every request it sends accounted for, so it warms up only if asked.
            Warmup = parsed.GetValue(_warmup) ?? (requests is null ? TimeSpan.FromSeconds(2) : TimeSpan.Zero),
            Requests = requests,
            Timeout = parsed.GetValue(_timeout),
            Campaigns = parsed.GetValue(_campaigns),
            CampaignIds = parsed.GetValue(_campaignIds) ?? Defaults.CampaignIds,
            Stock = parsed.GetValue(_stock),
            PerUserLimit = parsed.GetValue(_perUserLimit),
            CashPrice = parsed.GetValue(_cashPrice),
            Shoppers = parsed.GetValue(_shoppers),
            ReplayShare = parsed.GetValue(_replayShare),
            SigningKey = parsed.GetValue(_signingKey),
            Issuer = parsed.GetRequiredValue(_issuer),
            Audience = parsed.GetRequiredValue(_audience),
            TokenUrl = parsed.GetValue(_tokenUrl),
            Database = parsed.GetValue(_database),
            JsonPath = parsed.GetValue(_json),
            WatchCpu = parsed.GetValue(_watchCpu) ?? [],
            OpensAt = parsed.GetValue(_opensAt),
            RiskRules = parsed.GetValue(_riskRules),
            SetupOnly = parsed.GetValue(_setupOnly),
        };
    }

    private void ModeAndRate(CommandResult result)
    {
        var mode = result.GetValue(_mode);
        if (mode == LoopMode.Open && !Given(result, _rate))
        {
            result.AddError("--mode open needs --rate (requests per second)");
        }

        if (mode == LoopMode.Closed && Given(result, _rate))
        {
            result.AddError("--rate applies to --mode open only; a closed loop sends as fast as answers come");
        }
    }

    private void TokensMintedHere(CommandResult result)
    {
        if ((Given(result, _issuer) || Given(result, _audience)) && !Given(result, _signingKey))
        {
            result.AddError("--issuer and --audience describe locally minted tokens: give --signing-key too");
        }
    }

    private void LedgerOfClaims(CommandResult result)
    {
        if (Given(result, _database) && result.GetValue(_target) != Target.Claims)
        {
            result.AddError("--db checks FlashSale's ledger, so it needs --target claims");
        }
    }

    private void RulesOfClaims(CommandResult result)
    {
        if (!Given(result, _riskRules))
        {
            return;
        }

        if (result.GetValue(_target) != Target.Claims)
        {
            result.AddError("--risk-rules judge FlashSale's claims, so they need --target claims");
        }

        if (result.GetValue(_setupOnly))
        {
            result.AddError("--risk-rules are removed when the claims end: they do not go with --setup-only");
        }
    }

    private static void Exclusive(CommandResult result, Option first, Option second, string message)
    {
        if (Given(result, first) && Given(result, second))
        {
            result.AddError(message);
        }
    }

    private static IReadOnlyList<Guid> CampaignIds(ArgumentResult result)
    {
        var parts = result.Tokens[0].Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length == 0)
        {
            result.AddError("--campaign-ids names no campaign");
        }

        var ids = new List<Guid>();
        foreach (var part in parts)
        {
            if (Guid.TryParse(part, out var id))
            {
                ids.Add(id);
            }
            else
            {
                result.AddError($"--campaign-ids: '{part}' is not a campaign id (a GUID)");
            }
        }

        return ids;
    }

    private static IReadOnlyList<WatchedProcess> WatchedProcesses(ArgumentResult result)
    {
        var watched = new List<WatchedProcess>();
        foreach (var token in result.Tokens)
        {
            var (name, pid) = token.Value.Split('=', 2) is [var n, var p] ? (n, p) : ("", "");
            var withChildren = pid.EndsWith('+');
            if (name.Length == 0 || !int.TryParse(pid.TrimEnd('+'), System.Globalization.CultureInfo.InvariantCulture, out var id) || id <= 0)
            {
                result.AddError($"--watch-cpu: '{token.Value}' is not NAME=PID or NAME=PID+");
                continue;
            }

            watched.Add(new WatchedProcess(name, id, withChildren));
        }

        return watched;
    }

    private static DateTimeOffset? OpeningTime(ArgumentResult result)
    {
        var text = result.Tokens[0].Value;
        if (DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var at))
        {
            return at;
        }

        result.AddError($"--opens-at: '{text}' is not a time (ISO 8601, e.g. 2026-11-11T12:00:00Z)");
        return null;
    }
}
