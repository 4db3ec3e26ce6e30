using FlashSale.Api.Risk;
using FlashSale.Grains.Reminders;
using FlashSale.Grains.Risk;
using FlashSale.Operations.Settings;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace FlashSale.UnitTests.Settings;

/// <summary>
/// How a settings class is read and checked (<see cref="SettingsValidation"/>): every failure names the
/// setting by its key and its environment variable, nested objects and rules across fields included.
/// The processes' own refusals at start are tested end to end (FlashSale.Tests, Deploy/SettingsValidationTests).
/// </summary>
public sealed class SettingsValidationTests
{
    [Fact]
    public void Defaults_are_valid()
    {
        var empty = Configuration();
        Assert.Equal(5, empty.ReadSettings<RateLimitSettings>(RateLimitSettings.Section).PerShopper.PermitsPerSecond);
        Assert.Equal(20, empty.ReadSettings<RiskOptions>("Risk").DailyClaimCap);
    }

    [Fact]
    public void A_bad_value_in_a_nested_object_is_named_by_its_full_key_and_variable()
    {
        var failure = Assert.Throws<OptionsValidationException>(() =>
            Configuration(("RateLimits:PerShopper:PermitsPerSecond", "-1"), ("RateLimits:PerAddress:Burst", "-2"))
                .ReadSettings<RateLimitSettings>(RateLimitSettings.Section));
        Assert.Equal(
            [
                "RateLimits:PerAddress:Burst (env RateLimits__PerAddress__Burst): must be 0 or more.",
                "RateLimits:PerShopper:PermitsPerSecond (env RateLimits__PerShopper__PermitsPerSecond): must be 0 (no limit) or more.",
            ],
            failure.Failures, StringComparer.Ordinal);
    }

    [Fact]
    public void A_rule_of_the_class_names_the_member_it_judges()
    {
        var failure = Assert.Throws<OptionsValidationException>(() =>
            Configuration(("Risk:TimeZone", "Mars/Olympus_Mons")).ReadSettings<RiskOptions>("Risk"));
        Assert.StartsWith("Risk:TimeZone (env Risk__TimeZone): 'Mars/Olympus_Mons' is not a known time zone id", Assert.Single(failure.Failures));
    }

    [Fact]
    public void A_warm_up_lead_of_nothing_is_refused()
    {
        var failure = Assert.Throws<OptionsValidationException>(() =>
            Configuration(("Reminders:WarmUpLead", "00:00:00")).ReadSettings<ReminderPeriodOptions>(ReminderPeriodOptions.Section));
        Assert.Equal("Reminders:WarmUpLead (env Reminders__WarmUpLead): must be between a second and an hour.", Assert.Single(failure.Failures));
    }

    private static IConfiguration Configuration(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value))).Build();
}
