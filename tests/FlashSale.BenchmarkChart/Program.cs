using System.CommandLine;
using FlashSale.BenchmarkChart;

var current = new Option<FileInfo>("--current") { Description = "This run's results.json (tests/benchmark/run.sh writes it)", Required = true };
var previous = new Option<FileInfo?>("--previous") { Description = "The previous run's results.json, drawn beside this one" };
var currentName = new Option<string>("--current-name") { Description = "This run's name in the legend", DefaultValueFactory = _ => "this run" };
var previousName = new Option<string>("--previous-name") { Description = "The previous run's name in the legend", DefaultValueFactory = _ => "previous" };
var output = new Option<string>("--out") { Description = "Path and stem of the charts: STEM-throughput.png and STEM-p99.png", Required = true };
var command = new RootCommand("Draws a benchmark ladder's throughput and p99 per rung, beside the previous run's.")
{
    current, previous, currentName, previousName, output,
};
command.SetAction(parsed =>
{
    var before = parsed.GetValue(previous);
    LadderChart.Draw(LadderResults.Read(parsed.GetRequiredValue(current).FullName), before is null ? null : LadderResults.Read(before.FullName),
        parsed.GetRequiredValue(currentName), before is null ? null : parsed.GetRequiredValue(previousName), parsed.GetRequiredValue(output));
});
return command.Parse(args).Invoke();
