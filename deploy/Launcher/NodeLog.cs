using System.Globalization;
using System.Text;

namespace FlashSale.Launcher;

/// <summary>A node's log file, which it appends to over all its starts.</summary>
internal static class NodeLog
{
    private const int TailLines = 40;

    /// <summary>Marks a start in the log.</summary>
    /// <returns>Where the log stood then: what comes after is this start's.</returns>
    public static long MarkStart(Node node)
    {
        var stamp = DateTimeOffset.Now.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
        File.AppendAllText(node.Log, $"\n===== {stamp} run.sh: starting {node.Name} =====\n");
        return new FileInfo(node.Log).Length;
    }

    /// <summary>Shows the last lines written since <paramref name="offset"/>, where a start began.</summary>
    public static void ShowTail(Node node, long offset)
    {
        Messages.Say($"---- last lines of {node.Log} ----");
        try
        {
            using var log = new FileStream(node.Log, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            log.Seek(Math.Min(offset, log.Length), SeekOrigin.Begin);
            using var reader = new StreamReader(log, Encoding.UTF8);
            var lines = new Queue<string>();
            while (reader.ReadLine() is { } line)
            {
                lines.Enqueue(line);
                if (lines.Count > TailLines)
                {
                    lines.Dequeue();
                }
            }

            foreach (var line in lines)
            {
                Messages.Write(line + "\n");
            }
        }
        catch (IOException)
        {
            // No log to show: the message above and below still say where it would be.
        }

        Messages.Say("-----------------------------");
    }
}
