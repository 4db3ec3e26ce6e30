using FlashSale.Tests.Infrastructure;

namespace FlashSale.Tests.Security;

/// <summary>
/// One running system for every security test class, on a database of its own: the fuzzing
/// compares whole tables before and after refused requests, so no other class may write there.
/// </summary>
public sealed class SecuritySystem : RunningSystem
{
    protected override string? OwnDatabase => "security";
}

[CollectionDefinition(nameof(SecuritySystemCollection))]
public sealed class SecuritySystemCollection : ICollectionFixture<SecuritySystem>;
