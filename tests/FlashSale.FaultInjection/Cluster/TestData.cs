namespace FlashSale.FaultInjection.Cluster;

/// <summary>
/// Where test runs keep their PostgreSQL servers and run folders: FLASHSALE_TEST_DATA, by default the checkout's
/// .data. deploy/test.sh stops the servers under it when it exits, and a test that runs test.sh itself points the
/// inner run elsewhere; shared with the test suite.
/// </summary>
public static class TestData
{
    public static string Root(string repoRoot) =>
        Environment.GetEnvironmentVariable("FLASHSALE_TEST_DATA") is { Length: > 0 } root
            ? Path.GetFullPath(root)
            : Path.Combine(repoRoot, ".data");
}
