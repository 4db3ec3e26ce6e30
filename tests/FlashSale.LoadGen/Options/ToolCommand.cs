using System.CommandLine;
using System.CommandLine.Parsing;

namespace FlashSale.LoadGen.Options;

/// <summary>
/// The command line of one of our tools (load generator, fault harness, push latency), read into
/// <typeparamref name="TSettings"/>. <c>--help</c> explains every option; a command line the tool cannot
/// run (an unknown option, a bad value, options that do not go together) is refused before anything
/// starts, with one line per problem naming the option, and exit code 2.
/// </summary>
public abstract class ToolCommand<TSettings> : RootCommand
{
    public const int UsageError = 2;

    protected ToolCommand(string description) : base(description)
    {
        // These tools have no release of their own: a version would only ever say 1.0.0.
        Options.Remove(Options.OfType<VersionOption>().Single());
    }

    /// <summary>The settings of a command line that parsed without errors.</summary>
    public abstract TSettings Read(ParseResult parsed);

    /// <summary>Parses <paramref name="args"/> and runs <paramref name="run"/> with the settings, or prints help or the errors.</summary>
    /// <returns>What <paramref name="run"/> returned; 0 after help; <see cref="UsageError"/> for a command line that cannot run.</returns>
    public async Task<int> InvokeAsync(IReadOnlyList<string> args, Func<TSettings, Task<int>> run, TextWriter? output = null, TextWriter? error = null)
    {
        error ??= Console.Error;
        SetAction((parsed, _) => run(Read(parsed)));
        var parsed = Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var problem in parsed.Errors)
            {
                await error.WriteLineAsync($"error: {problem.Message}");
            }

            await error.WriteLineAsync("run with --help for every option");
            return UsageError;
        }

        return await parsed.InvokeAsync(new InvocationConfiguration
        {
            Output = output ?? Console.Out,
            Error = error,
            // Ctrl-C and crashes behave as in any .NET program: these tools clean up on their own terms.
            ProcessTerminationTimeout = null,
            EnableDefaultExceptionHandler = false,
        });
    }

    /// <summary>A rule across options (each option checks its own value where it is declared).</summary>
    protected void AddRule(Action<CommandResult> rule) => Validators.Add(result =>
    {
        try
        {
            rule(result);
        }
        catch (InvalidOperationException)
        {
            // System.CommandLine runs these rules before it converts the options, and reading a value its
            // option refuses throws; that option has already reported the error, naming itself.
        }
    });

    /// <summary>Whether the command line gave <paramref name="option"/> (rather than leaving it to its default).</summary>
    protected static bool Given(CommandResult result, Option option) => result.GetResult(option) is { Implicit: false };
}
