using System.Reflection;

namespace FlashSale.Silo.Database;

/// <summary>Where migrations are embedded: an assembly, and the prefix of their resource names.</summary>
public sealed record MigrationSource(Assembly Assembly, string ResourcePrefix)
{
    /// <summary>This build's migrations: <c>Database/Migrations/V*.sql</c> (see the silo's project file).</summary>
    public static MigrationSource Release { get; } = new(typeof(MigrationSource).Assembly, "Migrations.");
}
