using System.Text.RegularExpressions;
using FlashSale.Tests.Infrastructure;

namespace FlashSale.Tests.Deploy;

/// <summary>deploy/run.sh, read for the settings it gives each program it starts.</summary>
public static partial class RunScript
{
    public static string Path { get; } = System.IO.Path.Combine(Repo.Root, "deploy", "run.sh");

    /// <summary>
    /// The variables named in the <c>env NAME=value ...</c> of every command line that runs
    /// <paramref name="process"/>'s assembly (<c>"$SILO_DLL"</c>), lines continued with '\' joined.
    /// </summary>
    public static IReadOnlySet<string> EnvironmentOf(DeployedProcess process)
    {
        var script = File.ReadAllText(Path).Replace("\\\n", " ", StringComparison.Ordinal);
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in script.Split('\n'))
        {
            if (EnvCommand().Match(line) is { Success: true } command && Runs(command.Groups["rest"].Value, process))
            {
                names.UnionWith(Assignment().Matches(command.Groups["rest"].Value).Select(match => match.Groups["name"].Value));
            }
        }

        return names;
    }

    private static bool Runs(string command, DeployedProcess process) =>
        command.Contains("$" + process.RunScriptVariable, StringComparison.Ordinal)
        || command.Contains("${" + process.RunScriptVariable + "}", StringComparison.Ordinal);

    [GeneratedRegex(@"(^|\s)env\s+(?<rest>.*)$")]
    private static partial Regex EnvCommand();

    [GeneratedRegex(@"(^|\s)(?<name>[A-Za-z_][A-Za-z0-9_]*)=")]
    private static partial Regex Assignment();
}
