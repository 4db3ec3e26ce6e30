namespace FlashSale.Tests.Infrastructure;

/// <summary>
/// One running system for the test classes that neither kill, stop nor count anything system-wide: starting a silo
/// and an API node costs seconds per class, and these classes only ever add campaigns, shoppers and devices of their
/// own (fresh ids) to it. A class that kills a process or restarts one is on the <see cref="CrashSystem"/>; one that
/// counts a node's metrics keeps a system of its own (IClassFixture).
/// </summary>
[CollectionDefinition(Name)]
public sealed class SharedSystem : ICollectionFixture<RunningSystem>
{
    public const string Name = "shared system";
}
