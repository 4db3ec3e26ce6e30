using System.Globalization;

namespace FlashSale.Launcher;

/// <summary>A process's exit status in words.</summary>
internal static class ExitStatus
{
    public static string Describe(int status) => status > 128
        ? "killed by " + Signals.Name(status - 128)
        : "exit status " + status.ToString(CultureInfo.InvariantCulture);
}
