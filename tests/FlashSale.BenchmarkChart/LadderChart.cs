using ScottPlot;

namespace FlashSale.BenchmarkChart;

/// <summary>Two bar charts of a ladder run beside the previous one: throughput per rung, and p99 per rung.</summary>
internal static class LadderChart
{
    private static readonly Color Previous = Colors.Gray.WithAlpha(0.6);
    private static readonly Color Current = new(0x1f, 0x77, 0xb4);

    public static void Draw(IReadOnlyList<Rung> current, IReadOnlyList<Rung>? previous, string currentName, string? previousName, string outputStem)
    {
        Save(current, previous, currentName, previousName, r => r.PerSecond, "per second",
            "Throughput per rung: claims/s (requests/s for E0, E3, L50, L80)", outputStem + "-throughput.png");
        Save(current, previous, currentName, previousName, r => r.P99Milliseconds, "ms (log scale)",
            "p99 latency per rung", outputStem + "-p99.png", logScale: true);
    }

    private static void Save(IReadOnlyList<Rung> current, IReadOnlyList<Rung>? previous, string currentName, string? previousName,
        Func<Rung, double> value, string yLabel, string title, string path, bool logScale = false)
    {
        var plot = new Plot();
        var bars = new List<Bar>();
        var ticks = new List<Tick>();
        for (var i = 0; i < current.Count; i++)
        {
            var rung = current[i];
            var center = i * 3.0;
            if (previous?.FirstOrDefault(p => p.Name == rung.Name) is { } before)
            {
                bars.Add(Bar(center - 0.5, value(before), Previous, logScale));
            }

            bars.Add(Bar(center + (previous is null ? 0 : 0.5), value(rung), Current, logScale));
            ticks.Add(new Tick(center, rung.Name));
        }

        plot.Add.Bars(bars);
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual([.. ticks]);
        plot.Axes.Margins(bottom: 0);
        if (logScale)
        {
            // Bars drawn on log10 of the value, ticks labelled with the value itself.
            plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
                [.. new[] { 1, 10, 100, 1000, 10000 }.Select(v => new Tick(Math.Log10(v), v.ToString(System.Globalization.CultureInfo.InvariantCulture)))]);
        }

        plot.Title(title);
        plot.YLabel(yLabel);
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = currentName, FillColor = Current });
        if (previousName is not null)
        {
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = previousName, FillColor = Previous });
        }

        plot.ShowLegend(Alignment.UpperRight);
        plot.SavePng(path, 1000, 450);
        Console.WriteLine($"wrote {path}");
    }

    private static Bar Bar(double position, double value, Color color, bool logScale) => new()
    {
        Position = position,
        Value = logScale ? Math.Log10(Math.Max(value, 1)) : value,
        FillColor = color,
        Size = 0.9,
    };
}
