using System.Runtime.InteropServices;

namespace FlashSale.Scalpers.Sale;

/// <summary>
/// Puts the calling thread at the lowest CPU priority (nice 19, Linux). The farm's solvers and the shoppers'
/// phones stand for machines of their own: on this shared box they should take only the CPU the servers leave
/// idle, not a core from the system under test, whose latency the scenario measures. What a solve costs is
/// counted in CPU time, which the priority does not change.
/// </summary>
public static partial class LowPriority
{
    private const int PriorityOfProcess = 0;
    private const int Lowest = 19;

    /// <returns>Whether the priority was lowered (a failure leaves it as it was).</returns>
    public static bool ForThisThread() => setpriority(PriorityOfProcess, (uint)gettid(), Lowest) == 0;

    [LibraryImport("libc")]
    private static partial int gettid();

    // With PRIO_PROCESS and a thread's id, Linux sets that one thread's nice value.
    [LibraryImport("libc", SetLastError = true)]
    private static partial int setpriority(int which, uint who, int priority);
}
