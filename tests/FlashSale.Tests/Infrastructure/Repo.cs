using System.Net;
using System.Net.Sockets;

namespace FlashSale.Tests.Infrastructure;

public static class Repo
{
    /// <summary>The checkout's root: the folder holding FlashSale.slnx.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>Debug or Release, whichever this test assembly was built as; the silo and API were built alongside.</summary>
    public static string Configuration { get; } =
        Path.GetFileName(Path.GetDirectoryName(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)))!;

    public static string Binary(string project, string assembly) =>
        Path.Combine(Root, project, "bin", Configuration, "net10.0", assembly);

    /// <summary>
    /// A free port below Linux's ephemeral range (32768 and up), so that no outgoing connection
    /// can take it between the moment it is chosen and the moment a server binds it.
    /// </summary>
    public static int FreePort()
    {
        while (true)
        {
            var port = Random.Shared.Next(20_000, 32_000);
            try
            {
                using var listener = new TcpListener(IPAddress.Loopback, port);
                listener.Start();
                return port;
            }
            catch (SocketException)
            {
                // Taken: try another.
            }
        }
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "FlashSale.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("FlashSale.slnx not found above " + AppContext.BaseDirectory);
    }
}
