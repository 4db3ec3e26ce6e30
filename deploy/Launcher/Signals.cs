using System.Globalization;
using System.Runtime.InteropServices;

namespace FlashSale.Launcher;

/// <summary>kill(2) on a whole process group, which .NET's Process has no method for; and signals' names.</summary>
internal static partial class Signals
{
    public const int Hangup = 1, Interrupt = 2, Kill = 9, Terminate = 15;

    private static readonly Dictionary<int, string> Names = new()
    {
        [1] = "HUP", [2] = "INT", [3] = "QUIT", [4] = "ILL", [5] = "TRAP", [6] = "ABRT", [7] = "BUS", [8] = "FPE", [9] = "KILL",
        [10] = "USR1", [11] = "SEGV", [12] = "USR2", [13] = "PIPE", [14] = "ALRM", [15] = "TERM",
    };

    /// <summary>Sends <paramref name="signal"/> to every process of the group <paramref name="group"/> leads.</summary>
    /// <returns>Whether any process received it.</returns>
    public static bool SendToGroup(int group, int signal) => kill(-group, signal) == 0;

    /// <summary>SIGKILL, SIGSEGV, ... as the shell's kill -l names them.</summary>
    public static string Name(int signal) =>
        "SIG" + (Names.TryGetValue(signal, out var name) ? name : signal.ToString(CultureInfo.InvariantCulture));

    [LibraryImport("libc", SetLastError = true)]
    private static partial int kill(int pid, int signal);
}
