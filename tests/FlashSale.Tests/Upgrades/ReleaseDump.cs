using System.Diagnostics;
using System.Globalization;
using FlashSale.FaultInjection.Cluster;
using FlashSale.Tests.Infrastructure;
using Npgsql;

namespace FlashSale.Tests.Upgrades;

/// <summary>
/// A database as an earlier release left it: <c>Upgrades/Releases/&lt;commit&gt;/flashsale.sql</c>, a
/// pg_dump made by running that release (its <c>make-dump.sh</c>), restored with psql into a
/// database of its own on the test server.
/// </summary>
public static class ReleaseDump
{
    public static string Folder { get; } = Path.Combine(Repo.Root, "tests", "FlashSale.Tests", "Upgrades", "Releases");

    /// <summary>Every release kept as a dump, by the commit that made it: the upgrade tests run over each.</summary>
    public static TheoryData<string> Releases()
    {
        var releases = new TheoryData<string>();
        foreach (var folder in Directory.GetDirectories(Folder).Order(StringComparer.Ordinal))
        {
            releases.Add(Path.GetFileName(folder));
        }

        return releases;
    }

    /// <returns>The connection string of a new database holding the release's schema and rows.</returns>
    public static async Task<string> RestoreAsync(string release, string database)
    {
        var connectionString = await TestDatabase.EmptyDatabaseAsync(database);
        var settings = new NpgsqlConnectionStringBuilder(connectionString);
        var binaries = (await PostgresScript.RunAsync(Repo.Root, "ensure-installed")).Trim();
        var psql = new ProcessStartInfo(Path.Combine(binaries, "psql"))
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment = { ["PGPASSWORD"] = settings.Password },
        };
        foreach (var argument in new[]
                 {
                     "-X", "-q", "-v", "ON_ERROR_STOP=1", "--single-transaction", "-h", settings.Host!, "-p", settings.Port.ToString(CultureInfo.InvariantCulture),
                     "-U", settings.Username!, "-d", settings.Database!, "-f", Path.Combine(Folder, release, "flashsale.sql"),
                 })
        {
            psql.ArgumentList.Add(argument);
        }

        using var process = Process.Start(psql)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"psql could not restore the {release} dump: {await errors}{await output}");
        return connectionString;
    }
}
