using System.Globalization;

namespace FlashSale.LoadGen.Stats;

/// <summary>
/// A server process whose CPU a run records over its measured window (<c>--watch-cpu</c>), so that a
/// rung says where the CPU of each claim went: API node, silo, PostgreSQL.
/// </summary>
/// <param name="WithChildren">
/// Its child processes too, as PostgreSQL's: one backend per connection, each a child of the postmaster.
/// </param>
public sealed record WatchedProcess(string Name, int Pid, bool WithChildren)
{
    /// <summary>CPU seconds used so far (user and system), read from <c>/proc</c>; children that exited are included.</summary>
    public double CpuSeconds()
    {
        var own = Ticks(Pid, withExitedChildren: WithChildren);
        if (WithChildren)
        {
            foreach (var directory in Directory.EnumerateDirectories("/proc"))
            {
                if (int.TryParse(Path.GetFileName(directory), CultureInfo.InvariantCulture, out var pid) && ParentOf(pid) == Pid)
                {
                    own += Ticks(pid, withExitedChildren: false);
                }
            }
        }

        return own / TicksPerSecond;
    }

    // USER_HZ: what /proc counts in on Linux whatever the kernel's own tick rate.
    private const double TicksPerSecond = 100;

    private static long Ticks(int pid, bool withExitedChildren)
    {
        var fields = StatFields(pid);
        if (fields is null)
        {
            return 0;
        }

        // After the command's closing parenthesis: utime, stime, cutime, cstime are fields 14-17 of stat(5).
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return withExitedChildren
            ? ticks + long.Parse(fields[13], CultureInfo.InvariantCulture) + long.Parse(fields[14], CultureInfo.InvariantCulture)
            : ticks;
    }

    private static int? ParentOf(int pid) => StatFields(pid) is { } fields ? int.Parse(fields[1], CultureInfo.InvariantCulture) : null;

    /// <summary>The fields of <c>/proc/PID/stat</c> after the command name (field 3 onwards); null once the process is gone.</summary>
    private static string[]? StatFields(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}
