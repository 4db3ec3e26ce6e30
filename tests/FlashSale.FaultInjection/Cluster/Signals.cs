using System.Runtime.InteropServices;

namespace FlashSale.FaultInjection.Cluster;

/// <summary>
/// The POSIX signals .NET's Process has no method for. SIGSTOP freezes a process the way a long GC
/// pause, a stalled VM or a swapped-out machine does: it neither answers nor knows time has passed.
/// </summary>
public static partial class Signals
{
    private const int SigTerm = 15;
    private const int SigCont = 18;
    private const int SigStop = 19;

    /// <summary>SIGTERM, as an orchestrator stops a pod: the process may shut down gracefully.</summary>
    public static void Terminate(int pid) => Send(pid, SigTerm);

    public static void Stop(int pid) => Send(pid, SigStop);

    public static void Continue(int pid) => Send(pid, SigCont);

    private static void Send(int pid, int signal)
    {
        if (kill(pid, signal) != 0)
        {
            throw new InvalidOperationException($"kill({pid}, {signal}) failed: errno {Marshal.GetLastPInvokeError()}");
        }
    }

    [LibraryImport("libc", SetLastError = true)]
    private static partial int kill(int pid, int signal);
}
