using System.Collections.Immutable;
using FlashSale.GrainInterfaces.Risk;

namespace FlashSale.Grains.Risk;

/// <summary>
/// The blocklist: changes go to PostgreSQL first, then to the copy in memory that API nodes poll.
/// Expired blocks stay in the copy until the next change or activation; API nodes check expiry
/// themselves at every match, so a block ends at its instant whatever is cached.
/// </summary>
public sealed class BlocklistGrain(BlocklistStore store, RiskLinkStore links, TimeProvider clock) : Grain, IBlocklistGrain
{
    private Blocklist _list = new(0, []);

    public override async Task OnActivateAsync(CancellationToken cancellationToken) =>
        _list = await store.LoadAsync(clock.GetUtcNow());

    public async Task<RiskBlock> Block(RiskBlock block)
    {
        // Two API nodes escalating one fingerprint in the same instant make one block: the first.
        if (block.CreatedBy == RiskBlock.EscalationCreator
            && Live().FirstOrDefault(b => b.CreatedBy == block.CreatedBy && b.Kind == block.Kind && b.Value == block.Value) is { } holding)
        {
            return holding;
        }

        var version = await store.AddAsync([block]);
        _list = new Blocklist(version, [.. Live(), block]);
        return block;
    }

    public async Task<int> BlockLinkedAccounts(RiskBlock fingerprintBlock, ImmutableArray<string> seenByNode)
    {
        if (fingerprintBlock.Kind != BlockKind.Fingerprint)
        {
            return 0;
        }

        var linked = await links.LinksOfAsync([(SubjectKind.Fingerprint, fingerprintBlock.Value)], clock.GetUtcNow() - TimeSpan.FromDays(1));
        var held = Live().Where(b => b.Kind == BlockKind.Shopper && b.CreatedBy == fingerprintBlock.CreatedBy).Select(b => b.Value).ToHashSet(StringComparer.Ordinal);
        var reason = $"linked to fingerprint {fingerprintBlock.Value}: {fingerprintBlock.Reason}";
        List<RiskBlock> blocks = [.. linked.Select(l => l.ShopperId).Concat(seenByNode).Distinct(StringComparer.Ordinal).Where(shopper => !held.Contains(shopper))
            .Select(shopper => fingerprintBlock with { Id = Guid.CreateVersion7(fingerprintBlock.CreatedAt), Kind = BlockKind.Shopper, Value = shopper, Reason = reason })];
        if (blocks.Count == 0)
        {
            return 0;
        }

        var version = await store.AddAsync(blocks);
        _list = new Blocklist(version, [.. Live(), .. blocks]);
        return blocks.Count;
    }

    public async Task<bool> Unblock(Guid blockId, string removedBy)
    {
        if (await store.RemoveAsync(blockId, removedBy, clock.GetUtcNow()) is not { } version)
        {
            return false;
        }

        _list = new Blocklist(version, [.. Live().Where(b => b.Id != blockId)]);
        return true;
    }

    public Task<Blocklist?> ChangedSince(long version) => Task.FromResult(_list.Version != version ? _list : null);

    private IEnumerable<RiskBlock> Live()
    {
        var now = clock.GetUtcNow();
        return _list.Blocks.Where(b => b.ExpiresAt is null || b.ExpiresAt > now);
    }
}
