namespace FlashSale.Tests.Infrastructure;

/// <summary>
/// One running system for the test classes that kill, stop or restart its processes: apart from the
/// <see cref="SharedSystem"/>, so that no class that expects a calm system meets a crash, and shared
/// among them (one at a time), since each process start costs seconds. Each class derives from
/// <see cref="CrashSystemTests"/>, which brings back whatever a previous test left down.
/// </summary>
[CollectionDefinition(Name)]
public sealed class CrashSystem : ICollectionFixture<RunningSystem>
{
    public const string Name = "crash system";
}

/// <summary>Before each test: the silo and the API node are up, whatever the test before did to them.</summary>
public abstract class CrashSystemTests : IAsyncLifetime
{
    /// <summary>The system the class's tests run on (its fixture).</summary>
    protected abstract RunningSystem TestSystem { get; }

    public Task InitializeAsync() => TestSystem.EnsureRunningAsync();

    public Task DisposeAsync() => Task.CompletedTask;
}
