using System.Globalization;
using System.Text.RegularExpressions;

namespace FlashSale.Tests.Infrastructure;

/// <summary>One scrape of a <c>/metrics</c> endpoint, read as Prometheus' text format.</summary>
public sealed partial class PrometheusScrape(IReadOnlyList<PrometheusScrape.Sample> samples)
{
    public sealed record Sample(string Name, IReadOnlyDictionary<string, string> Labels, double Value);

    public IReadOnlyList<Sample> Samples { get; } = samples;

    public static async Task<PrometheusScrape> ReadAsync(HttpClient client)
    {
        var text = await client.GetStringAsync("/metrics");
        var samples = new List<Sample>();
        foreach (var line in text.Split('\n'))
        {
            if (SampleLine().Match(line) is { Success: true } match)
            {
                var labels = LabelPair().Matches(match.Groups["labels"].Value)
                    .ToDictionary(pair => pair.Groups[1].Value, pair => pair.Groups[2].Value, StringComparer.Ordinal);
                samples.Add(new Sample(match.Groups["name"].Value, labels, double.Parse(match.Groups["value"].Value, CultureInfo.InvariantCulture)));
            }
        }

        return new PrometheusScrape(samples);
    }

    /// <summary>The sum of the samples named <paramref name="name"/> whose labels include all of <paramref name="labels"/>.</summary>
    public double Sum(string name, params (string Label, string Value)[] labels) =>
        Samples.Where(s => s.Name == name && labels.All(l => s.Labels.TryGetValue(l.Label, out var v) && v == l.Value)).Sum(s => s.Value);

    public bool Has(string namePrefix) => Samples.Any(s => s.Name.StartsWith(namePrefix, StringComparison.Ordinal));

    [GeneratedRegex("""^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?<labels>.*)\})?\s+(?<value>\S+)(\s+\d+)?$""")]
    private static partial Regex SampleLine();

    [GeneratedRegex(@"([a-zA-Z_][a-zA-Z0-9_]*)=""((?:[^""\\]|\\.)*)""")]
    private static partial Regex LabelPair();
}
