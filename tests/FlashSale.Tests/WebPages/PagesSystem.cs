using FlashSale.Tests.Infrastructure;

namespace FlashSale.Tests.WebPages;

/// <summary>
/// The system the browser tests drive: its pages list campaigns across the database, so the database is
/// its own, and other tests' campaigns (which this cluster cannot serve) stay off them.
/// </summary>
public sealed class PagesSystem : RunningSystem
{
    protected override string? OwnDatabase => "pages";
}

/// <summary>The page and dashboard tests share one such system and one headless Chromium, one class at a time.</summary>
[CollectionDefinition(Name)]
public sealed class PagesCollection : ICollectionFixture<PagesSystem>, ICollectionFixture<HeadlessChromium>
{
    public const string Name = "pages system";
}
