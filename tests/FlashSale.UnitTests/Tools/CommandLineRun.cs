using System.CommandLine;
using System.CommandLine.Help;
using FlashSale.LoadGen.Options;

namespace FlashSale.UnitTests.Tools;

/// <summary>
/// One of our tools' command lines invoked in-process, as its Program invokes it, with a run that only
/// records the settings it was given: what the tool prints, the exit code, and what it would have run with.
/// </summary>
public sealed record CommandLineRun<TSettings>(int ExitCode, string Output, string Errors, TSettings? Settings) where TSettings : class
{
    public static async Task<CommandLineRun<TSettings>> InvokeAsync(ToolCommand<TSettings> command, params string[] args)
    {
        // One help line per option, whatever the console's width.
        ((HelpAction)command.Options.OfType<HelpOption>().Single().Action!).MaxWidth = int.MaxValue;
        var (output, errors) = (new StringWriter(), new StringWriter());
        TSettings? settings = null;
        var exitCode = await command.InvokeAsync(args, given =>
        {
            settings = given;
            return Task.FromResult(0);
        }, output, errors);
        return new CommandLineRun<TSettings>(exitCode, output.ToString(), errors.ToString(), settings);
    }

    /// <summary>The settings a command line the tool accepts runs with.</summary>
    public static async Task<TSettings> SettingsAsync(ToolCommand<TSettings> command, params string[] args)
    {
        var run = await InvokeAsync(command, args);
        Assert.True(run.ExitCode == 0 && run.Settings is not null, $"exit code {run.ExitCode}: {run.Errors}");
        return run.Settings;
    }

    /// <summary>A command line the tool refuses: exit code 2 before anything runs, each error on stderr naming what is wrong.</summary>
    public static async Task<string> RefusedAsync(ToolCommand<TSettings> command, params string[] args)
    {
        var run = await InvokeAsync(command, args);
        Assert.Equal(ToolCommand<TSettings>.UsageError, run.ExitCode);
        Assert.Null(run.Settings);
        Assert.Empty(run.Output);
        Assert.EndsWith("run with --help for every option" + Environment.NewLine, run.Errors);
        return run.Errors;
    }

    /// <summary>
    /// <c>--help</c> runs nothing and explains every option on its line, with its default where it has
    /// one (a flag's is off, and help does not say so).
    /// </summary>
    public static async Task AssertHelpExplainsEveryOptionAsync(ToolCommand<TSettings> command)
    {
        var run = await InvokeAsync(command, "--help");

        Assert.Equal(0, run.ExitCode);
        Assert.Null(run.Settings);
        var lines = run.Output.Split(Environment.NewLine);
        foreach (var option in command.Options.Where(option => option is not HelpOption))
        {
            var line = Assert.Single(lines, line => line.TrimStart().StartsWith(option.Name + " ", StringComparison.Ordinal));
            Assert.False(string.IsNullOrWhiteSpace(option.Description), $"{option.Name} has no description");
            Assert.Contains(option.Description!, line);
            if (option.HasDefaultValue && option.ValueType != typeof(bool))
            {
                Assert.Contains("[default: ", line);
            }
        }
    }
}
