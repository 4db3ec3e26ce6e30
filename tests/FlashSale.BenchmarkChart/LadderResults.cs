using System.Text.Json;

namespace FlashSale.BenchmarkChart;

/// <summary>One rung of a ladder run as summarize.py writes it: its median figure and median p99.</summary>
internal sealed record Rung(string Name, string Label, double PerSecond, double P99Milliseconds);

/// <summary>A ladder run's results.json: the rungs in the order the ladder runs them.</summary>
internal static class LadderResults
{
    public static IReadOnlyList<Rung> Read(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return [.. document.RootElement.GetProperty("rungs").EnumerateObject().Select(rung => new Rung(
            rung.Name,
            rung.Value.GetProperty("label").GetString() ?? rung.Name,
            rung.Value.GetProperty("median").GetDouble(),
            rung.Value.GetProperty("latencyMs").GetProperty("p99").GetDouble()))];
    }
}
