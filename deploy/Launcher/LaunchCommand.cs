using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace FlashSale.Launcher;

/// <summary>
/// run.sh's command line, <c>--silos N --apis M</c> (FLASHSALE_SILOS and FLASHSALE_APIS when not given; 1 to 99
/// each), read before anything starts. A command line it cannot run exits 2; run.sh itself answers --help.
/// </summary>
internal sealed class LaunchCommand : RootCommand
{
    private const int UsageError = 2;

    private readonly Option<int> _silos = Count("--silos", "FLASHSALE_SILOS", "Silos, on silo port 11111+i, gateway 30000+i, HTTP 11180+i");
    private readonly Option<int> _apis = Count("--apis", "FLASHSALE_APIS", "API nodes, on FLASHSALE_URL's port + j");

    public LaunchCommand() : base("Runs the FlashSale cluster of deploy/run.sh (which builds it first).")
    {
        // run.sh answers --help itself, and the launcher has no release of its own for --version to name.
        Options.Remove(Options.OfType<VersionOption>().Single());
        Options.Add(_silos);
        Options.Add(_apis);
    }

    public async Task<int> InvokeAsync(IReadOnlyList<string> args)
    {
        // An argument is never read as a response file (@FILE): run.sh takes none.
        var parsed = Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
        if (parsed.Errors.Count > 0)
        {
            foreach (var problem in parsed.Errors)
            {
                Messages.Say($"{problem.Message} (try --help)");
            }

            return UsageError;
        }

        ClusterLayout layout;
        try
        {
            layout = ClusterLayout.Read(ClusterLayout.FindRepo(), Environment.GetEnvironmentVariable);
        }
        catch (LaunchFailed e)
        {
            Messages.Say(e.Message);
            return UsageError;
        }

        return await new Launch(layout, parsed.GetValue(_silos), parsed.GetValue(_apis)).RunAsync();
    }

    private static Option<int> Count(string name, string variable, string description) => new(name)
    {
        HelpName = "N",
        Description = $"{description} (1 to 99; default ${variable} or 1)",
        DefaultValueFactory = result => Validated(Environment.GetEnvironmentVariable(variable) ?? "1", result),
        CustomParser = result => Validated(result.Tokens[0].Value, result),
    };

    private static int Validated(string text, ArgumentResult result)
    {
        if (text.Length is 1 or 2 && text[0] is >= '1' and <= '9' && text.All(char.IsAsciiDigit))
        {
            return int.Parse(text, CultureInfo.InvariantCulture);
        }

        result.AddError("--silos and --apis take 1 to 99");
        return 0;
    }
}
