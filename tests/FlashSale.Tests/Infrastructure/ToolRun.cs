using System.Diagnostics;
using System.Text.Json;

namespace FlashSale.Tests.Infrastructure;

/// <summary>One of our command-line tools (load generator, fault harness) run to its end as its own process, with its --json report.</summary>
public static class ToolRun
{
    /// <returns>The exit code, and the report if the tool wrote one.</returns>
    public static async Task<(int ExitCode, JsonElement? Report)> RunAsync(string dll, IEnumerable<string> args, TimeSpan limit, ITestOutputHelper output)
    {
        var jsonPath = Path.Combine(Path.GetTempPath(), $"{Path.GetFileNameWithoutExtension(dll)}-{Guid.NewGuid():N}.json");
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args.Prepend(dll).Concat(["--json", jsonPath]))
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(limit);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{Path.GetFileName(dll)} was still running after {limit}:\n{await stderr}");
        }

        output.WriteLine(await stderr);
        output.WriteLine(await stdout);
        try
        {
            return (process.ExitCode, File.Exists(jsonPath) ? JsonDocument.Parse(await File.ReadAllTextAsync(jsonPath)).RootElement.Clone() : null);
        }
        finally
        {
            File.Delete(jsonPath);
        }
    }
}
