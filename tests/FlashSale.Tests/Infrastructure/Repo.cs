using FlashSale.FaultInjection.Cluster;

namespace FlashSale.Tests.Infrastructure;

public static class Repo
{
    /// <summary>The checkout's root: the folder holding FlashSale.slnx.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>Debug or Release, whichever this test assembly was built as; the silo and API were built alongside.</summary>
    public static string Configuration { get; } =
        Path.GetFileName(Path.GetDirectoryName(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)))!;

    /// <summary>Where the tests keep their PostgreSQL servers and run folders (see <see cref="TestData"/>).</summary>
    public static string Data { get; } = TestData.Root(Root);

    public static string Binary(string project, string assembly) =>
        Path.Combine(Root, project, "bin", Configuration, "net10.0", assembly);

    public static int FreePort() => LoopbackPorts.Free();

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
