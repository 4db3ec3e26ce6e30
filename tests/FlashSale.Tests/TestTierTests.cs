using System.Reflection;

namespace FlashSale.Tests;

/// <summary>
/// Every test class here names its tier (README, "Tests"), so that <c>--filter Tier=Integration</c>
/// and <c>--filter Tier=EndToEnd</c> between them run the whole project; a class without one would be
/// run by neither.
/// </summary>
[Trait("Tier", "Integration")]
public sealed class TestTierTests
{
    private static readonly string[] Tiers = ["Integration", "EndToEnd"];

    [Fact]
    public void Every_test_class_names_exactly_one_tier()
    {
        var untiered = typeof(TestTierTests).Assembly.GetTypes()
            .Where(type => type.GetMethods().Any(m => m.GetCustomAttributes<FactAttribute>().Any()))
            .Where(type => type.GetCustomAttributes<TraitAttribute>().Count() != 1 || !Tiers.Contains(TierOf(type)))
            .Select(type => type.FullName)
            .ToList();

        Assert.Empty(untiered);
    }

    // xunit 2 keeps a trait's name and value only in the attribute's constructor arguments.
    private static string? TierOf(Type type) => type.GetCustomAttributesData()
        .Where(a => a.AttributeType == typeof(TraitAttribute) && (string?)a.ConstructorArguments[0].Value == "Tier")
        .Select(a => (string?)a.ConstructorArguments[1].Value)
        .SingleOrDefault();
}
