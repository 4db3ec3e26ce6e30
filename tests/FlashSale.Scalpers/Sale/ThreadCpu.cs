using System.Globalization;

namespace FlashSale.Scalpers.Sale;

/// <summary>The calling thread's CPU time so far, from <c>/proc/thread-self/stat</c> (Linux; 10 ms resolution).</summary>
public static class ThreadCpu
{
    // USER_HZ, what /proc counts in whatever the kernel's own tick rate.
    private const double TicksPerSecond = 100;

    public static double Seconds()
    {
        var stat = File.ReadAllText("/proc/thread-self/stat");
        // After the command's closing parenthesis: utime and stime are fields 14 and 15 of stat(5).
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / TicksPerSecond;
    }
}
