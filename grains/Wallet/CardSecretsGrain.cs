using System.Collections.Immutable;
using FlashSale.GrainInterfaces.Wallet;

namespace FlashSale.Grains.Wallet;

/// <summary>A campaign's card secret imports, one at a time.</summary>
public sealed class CardSecretsGrain(CardSecretStore store, TimeProvider clock) : Grain, ICardSecretsGrain
{
    public Task<SecretImport> Import(ImmutableArray<string> secrets, string importedBy) =>
        store.ImportAsync(this.GetPrimaryKey(), secrets, importedBy, clock.GetUtcNow());
}
