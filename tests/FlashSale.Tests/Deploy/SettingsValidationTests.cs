using FlashSale.Tests.Infrastructure;

namespace FlashSale.Tests.Deploy;

/// <summary>
/// A bad setting stops the silo or the API node at start, naming the setting, rather than letting it
/// run with a limit that cannot hold or fail on the first request that reads it. The programs are run
/// for real, in Production, with a deployment's settings but for the one that is wrong.
/// </summary>
[Trait("Tier", "EndToEnd")]
public sealed class SettingsValidationTests
{
    /// <summary>The program, the variable given a bad value (null: left out), the value, and the setting the output must name.</summary>
    public static TheoryData<string, string, string?, string> BadSettings { get; } = new()
    {
        // Out of range.
        { "api", "RateLimits__PerShopper__PermitsPerSecond", "-1", "RateLimits:PerShopper:PermitsPerSecond" },
        { "api", "GrainCalls__Timeout", "00:00:00", "GrainCalls:Timeout" },
        { "api", "MoneyChanges__Deadline", "01:00:00", "MoneyChanges:Deadline" },
        { "silo", "Risk__DailyClaimCap", "0", "Risk:DailyClaimCap" },
        { "silo", "Orleans__GatewayPort", "70000", "Orleans:GatewayPort" },
        // Not a value of its type at all.
        { "api", "LiveHub__RenewEvery", "every 20 s", "LiveHub:RenewEvery" },
        { "silo", "CouponExpiry__PollEvery", "soon", "CouponExpiry:PollEvery" },
        { "api", "ForwardedHeaders__KnownProxies__0", "10.0.0.300", "ForwardedHeaders:KnownProxies:0" },
        { "silo", "Risk__TimeZone", "Mars/Olympus_Mons", "Risk:TimeZone" },
        { "silo", "CardSecrets__Key", "not-a-key", "CardSecrets:Key" },
        { "api", "OTEL_EXPORTER_OTLP_ENDPOINT", "collector:4318", "OTEL_EXPORTER_OTLP_ENDPOINT" },
        { "silo", "Tracing__SampleRatio", "1.5", "Tracing:SampleRatio" },
        // Required, and missing.
        { "api", "Jwt__SigningKey", null, "Jwt:SigningKey" },
        { "api", "Risk__Challenges__HmacKey", null, "Risk:Challenges:HmacKey" },
        { "silo", "ConnectionStrings__FlashSale", null, "ConnectionStrings:FlashSale" },
    };

    [Theory]
    [MemberData(nameof(BadSettings))]
    public async Task A_bad_setting_stops_the_program_at_start_naming_it(string program, string variable, string? value, string setting)
    {
        var environment = await ProductionEnvironment.OfAsync(program);
        environment.Remove(variable);
        if (value is not null)
        {
            environment[variable] = value;
        }

        if (variable == "Tracing__SampleRatio")
        {
            // Read only while traces are exported.
            environment["OTEL_EXPORTER_OTLP_ENDPOINT"] = "http://127.0.0.1:4318";
        }

        await using var process = ServiceProcess.Start(program, Repo.Binary(program, DeployedProcess.Named(program).Assembly), environment);
        var exitCode = await process.ExitCodeAsync(TimeSpan.FromSeconds(60));
        Assert.NotEqual(0, exitCode);
        Assert.Contains(setting, process.Output);
    }
}
