using System.CommandLine;
using FlashSale.LoadGen.Options;

namespace FlashSale.PushLatency;

/// <summary>One push-latency run as the command line describes it.</summary>
public sealed record PushLatencyOptions(Uri BaseUrl, string SigningKey, int Dashboards, TimeSpan Listen, TimeSpan Warmup);

/// <summary>The push-latency tool's command line: every option with its unit, default and bounds.</summary>
public sealed class PushLatencyCommand : ToolCommand<PushLatencyOptions>
{
    private readonly Option<Uri> _baseUrl = new("--base-url")
    {
        HelpName = "URL",
        Description = "The API node the dashboards connect to; must be on this machine (localhost, 127.0.0.0/8 or [::1])",
        DefaultValueFactory = _ => new Uri("http://127.0.0.1:5000/"),
        CustomParser = OptionValues.LoopbackUrl,
    };

    private readonly Option<string> _signingKey = new("--signing-key")
    {
        HelpName = "K",
        Description = "The API's HS256 signing key: the tool mints a marketing token with it to create the campaign",
        Required = true,
    };

    private readonly Option<int> _dashboards = Bounded.WholeNumber("--dashboards", "N",
        "SignalR dashboards subscribed to the campaign", defaultValue: 1_000, min: 1, max: 100_000);

    private readonly Option<TimeSpan> _listen = Bounded.Time("--listen",
        "How long the dashboards listen after \"ready\"", defaultValue: TimeSpan.FromSeconds(25));

    private readonly Option<TimeSpan> _warmup = Bounded.Time("--warmup",
        "Snapshots of commits made within this time of \"ready\" (the rush's own warm-up) are reported apart",
        defaultValue: TimeSpan.FromSeconds(6), allowZero: true);

    public PushLatencyCommand()
        : base($"""
            FlashSale.PushLatency: dashboards subscribe to one campaign over SignalR and time every inventory snapshot
            from the earliest commit it is the first to include to its arrival. Run it beside a claim rush on that
            campaign (tests/benchmark/push-latency.sh does both). It creates the campaign, prints "campaign <id>" and
            "ready" once every dashboard is subscribed, listens, then prints the figures.
            Exit codes: 0 done, {UsageError} bad command line.
            """)
    {
        Options.Add(_baseUrl);
        Options.Add(_signingKey);
        Options.Add(_dashboards);
        Options.Add(_listen);
        Options.Add(_warmup);
    }

    public override PushLatencyOptions Read(ParseResult parsed) => new(
        parsed.GetRequiredValue(_baseUrl), parsed.GetRequiredValue(_signingKey), parsed.GetValue(_dashboards), parsed.GetValue(_listen), parsed.GetValue(_warmup));
}
