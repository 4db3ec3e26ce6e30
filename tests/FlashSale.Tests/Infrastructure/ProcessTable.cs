using System.Globalization;

namespace FlashSale.Tests.Infrastructure;

/// <summary>
/// Linux's process table, read from /proc: who descends from whom and with what environment, for tests of the
/// scripts that must leave nothing running. A process is known by its pid and start time, so that a pid used
/// again by a newer process is not taken for the one seen before.
/// </summary>
public static class ProcessTable
{
    public sealed record Entry(int Pid, int ParentPid, long StartTime, string CommandLine);

    /// <summary>The live (not zombie) processes.</summary>
    public static IReadOnlyList<Entry> Snapshot()
    {
        var entries = new List<Entry>();
        foreach (var folder in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(folder), CultureInfo.InvariantCulture, out var pid) && Read(pid) is { } entry)
            {
                entries.Add(entry);
            }
        }

        return entries;
    }

    /// <summary><paramref name="root"/>'s children, their children, and so on.</summary>
    public static IReadOnlyList<Entry> Descendants(int root)
    {
        var snapshot = Snapshot();
        var found = new List<Entry>();
        var parents = new HashSet<int> { root };
        for (var grew = true; grew;)
        {
            var next = snapshot.Where(entry => parents.Contains(entry.ParentPid) && !parents.Contains(entry.Pid)).ToList();
            found.AddRange(next);
            parents.UnionWith(next.Select(entry => entry.Pid));
            grew = next.Count > 0;
        }

        return found;
    }

    public static bool IsRunning(Entry entry) => Read(entry.Pid)?.StartTime == entry.StartTime;

    /// <summary>The live processes started with <paramref name="name"/>=<paramref name="value"/> in their environment.</summary>
    public static IReadOnlyList<Entry> WithEnvironment(string name, string value) =>
        Snapshot().Where(entry => EnvironmentOf(entry.Pid).Contains($"{name}={value}")).ToList();

    private static string[] EnvironmentOf(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/environ").Split('\0');
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }

    private static Entry? Read(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            // pid (comm) state ppid ... starttime (field 22); comm may hold spaces and parentheses.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            if (fields[0] == "Z")
            {
                return null;
            }

            var commandLine = File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ').Trim();
            return new Entry(pid, int.Parse(fields[1], CultureInfo.InvariantCulture), long.Parse(fields[19], CultureInfo.InvariantCulture), commandLine);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
