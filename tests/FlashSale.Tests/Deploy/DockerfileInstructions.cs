using System.Text.Json;
using System.Text.RegularExpressions;

namespace FlashSale.Tests.Deploy;

/// <summary>
/// What a Dockerfile says about the program in its image: the project it publishes, the command it
/// starts, the ports it exposes and the environment it sets. Of a multi-stage file, the last stage
/// counts for the image; every stage for what is published.
/// </summary>
public sealed partial record DockerfileInstructions(IReadOnlyList<string> Published, IReadOnlyList<string> Entrypoint,
    IReadOnlyList<int> Exposed, IReadOnlyList<string> EnvironmentNames)
{
    public static DockerfileInstructions Read(string path)
    {
        var lines = File.ReadAllText(path).Replace("\\\n", " ", StringComparison.Ordinal).Split('\n')
            .Select(line => line.Trim())
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => (Instruction: line.Split(' ', 2)[0].ToUpperInvariant(), Arguments: line.Split(' ', 2).ElementAtOrDefault(1) ?? ""))
            .ToList();
        var image = lines.Skip(lines.FindLastIndex(line => line.Instruction == "FROM")).ToList();
        return new DockerfileInstructions(
            [.. lines.Where(line => line.Instruction == "RUN").SelectMany(line => Publish().Matches(line.Arguments)).Select(match => match.Groups["project"].Value)],
            image.Where(line => line.Instruction == "ENTRYPOINT").Select(line => JsonSerializer.Deserialize<string[]>(line.Arguments)!).LastOrDefault() ?? [],
            [.. image.Where(line => line.Instruction == "EXPOSE").SelectMany(line => line.Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Select(int.Parse)],
            [.. image.Where(line => line.Instruction == "ENV").Select(line => line.Arguments.Split('=', ' ')[0])]);
    }

    [GeneratedRegex(@"dotnet\s+publish\s+(?<project>\S+\.csproj)")]
    private static partial Regex Publish();
}
