using System.Collections.Concurrent;
using FlashSale.LoadGen.Setup;

namespace FlashSale.FaultInjection.Load;

/// <summary>Bearer tokens signed here with the Development key, one per actor, made when first needed.</summary>
public sealed class Tokens(LocalTokenMinter minter)
{
    private readonly ConcurrentDictionary<Actor, string> _tokens = new();

    public async ValueTask<string> ForAsync(Actor actor) =>
        _tokens.TryGetValue(actor, out var token)
            ? token
            : _tokens[actor] = await minter.MintAsync(actor.UserId, actor.Role, actor.Merchant, CancellationToken.None);
}
