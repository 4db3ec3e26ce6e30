using System.Diagnostics;
using static System.FormattableString;

namespace FlashSale.Launcher;

/// <summary>The cluster's private PostgreSQL, through deploy/postgres.sh (its progress goes straight to our stderr).</summary>
internal sealed class PostgresScript(ClusterLayout layout)
{
    public bool Started { get; private set; }

    /// <summary>Initialises the server if needed and starts it. Not cancelled: a server half started is stopped after.</summary>
    /// <returns>Its connection string.</returns>
    public async Task<string> StartAsync()
    {
        Messages.Say($"starting PostgreSQL (data: {layout.PostgresData}, port {layout.PostgresPort})...");
        Started = true;
        var (status, output) = await RunAsync("start", layout.PostgresData, layout.PostgresPort);
        if (status != 0)
        {
            throw new LaunchFailed(Invariant($"deploy/postgres.sh start failed (exit status {status})"));
        }

        var connectionString = output.Trim();
        return connectionString.Length > 0 ? connectionString : throw new LaunchFailed("deploy/postgres.sh start printed no connection string");
    }

    public async Task StopAsync()
    {
        if (Started && (await RunAsync("stop", layout.PostgresData)).Status != 0)
        {
            Messages.Say("WARNING: stopping PostgreSQL failed");
        }
    }

    private async Task<(int Status, string Output)> RunAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo(Path.Combine(layout.Repo, "deploy", "postgres.sh")) { UseShellExecute = false, RedirectStandardOutput = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var script = Process.Start(start) ?? throw new LaunchFailed("could not run deploy/postgres.sh");
        var output = await script.StandardOutput.ReadToEndAsync(CancellationToken.None);
        await script.WaitForExitAsync(CancellationToken.None);
        return (script.ExitCode, output);
    }
}
