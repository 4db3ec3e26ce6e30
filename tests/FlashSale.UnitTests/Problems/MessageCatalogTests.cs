using System.Collections;
using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;
using FlashSale.Api.Problems;

namespace FlashSale.UnitTests.Problems;

/// <summary>The catalog that turns the API's English problem messages into the reader's language.</summary>
public sealed partial class MessageCatalogTests
{
    private static readonly MessageCatalog Chinese = new(ChineseEntries());

    private static List<KeyValuePair<string, string>> ChineseEntries()
    {
        var resources = new ResourceManager("FlashSale.Api.Problems.ProblemMessages", typeof(ProblemMessages).Assembly);
        var set = resources.GetResourceSet(CultureInfo.GetCultureInfo("zh"), createIfNotExists: true, tryParents: false)!;
        return [.. set.Cast<DictionaryEntry>().Select(e => KeyValuePair.Create((string)e.Key, (string)e.Value!))];
    }

    [Fact]
    public void Every_translation_keeps_the_holes_of_its_english_and_is_chinese()
    {
        var entries = ChineseEntries();
        Assert.True(entries.Count > 50, $"only {entries.Count} entries");
        Assert.All(entries, entry =>
        {
            Assert.Equal(Holes(entry.Key), Holes(entry.Value));
            Assert.Matches(Han(), entry.Value);
        });
    }

    [Theory]
    [InlineData("Required.", "必填。")]
    [InlineData("Required, 1 to 200 characters, no control characters.", "必填，1 至 200 个字符，不含控制字符。")]
    [InlineData("Required, 1 to 100000000.", "必填，1 至 100000000。")]
    [InlineData("1 to 100 (default 20).", "1 至 100（默认 20）。")]
    [InlineData("Required: one of gold, silver.", "必填：gold, silver 之一。")]
    [InlineData("Required: 1 to 32 lowercase letters, digits, '-' or '_'.", "必填：1 至 32 个小写字母、数字、'-' 或 '_'。")]
    [InlineData("1 to 64 letters, digits, '-', '_' or '.'; or left out.", "1 至 64 个字母、数字、'-'、'_' 或 '.'；或不填。")]
    public void A_message_is_translated_whole_or_by_its_closest_template_with_its_values_in_place(string english, string chinese) =>
        Assert.Equal(chinese, Chinese.Translate(english));

    [Fact]
    public void A_message_the_catalog_does_not_know_stays_as_it_is()
    {
        Assert.Equal("Something new went wrong.", Chinese.Translate("Something new went wrong."));
        Assert.True(new MessageCatalog([]).IsEmpty);
    }

    private static string[] Holes(string text) => [.. Hole().Matches(text).Select(m => m.Value).Order(StringComparer.Ordinal)];

    [GeneratedRegex(@"\{\d\}", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex Hole();

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex Han();
}
