using Dapper;
using FlashSale.GrainInterfaces.Risk;
using FlashSale.Tests.Infrastructure;

namespace FlashSale.Tests.Grains;

/// <summary>
/// A shard of the cluster's risk activity during a rolling upgrade: API nodes from before the ids' hashes report
/// ids as strings, newer ones report links by id and every other id by hash. Each id counts once either way, and
/// the links are stored by id.
/// </summary>
[Collection(nameof(GrainClusterCollection))]
[Trait("Tier", "Integration")]
public sealed class RiskActivityGrainTests(GrainCluster cluster)
{
    [Fact]
    public async Task An_id_reported_by_string_by_an_older_node_and_by_hash_by_a_newer_one_counts_once_and_links_are_kept_by_id()
    {
        var fingerprint = $"fp-{Guid.NewGuid():N}";
        var at = DateTimeOffset.UtcNow;
        var shard = cluster.Client.GetGrain<IRiskActivityGrain>(IRiskActivityGrain.ShardOf(SubjectKind.Fingerprint, fingerprint));

        // The fields an older node's report did not have arrive as default arrays.
        var older = new ActivityReport(SubjectKind.Fingerprint, fingerprint, ["amy", "ben"], ["phone-a", "phone-b"], 2, 0, at, default, default);
        var first = Assert.Single(await shard.Report([older]));
        Assert.Equal((2, 2), (first.Accounts, first.Devices));

        var newer = new ActivityReport(SubjectKind.Fingerprint, fingerprint, ["amy", "cat"], [], 2, 0, at.AddSeconds(1), [],
            [IdHash.Of("phone-a"), IdHash.Of("phone-c")]);
        var second = Assert.Single(await shard.Report([newer]));
        Assert.Equal((3, 3), (second.Accounts, second.Devices));

        var shopperId = $"shopper-{Guid.NewGuid():N}";
        var shopper = new ActivityReport(SubjectKind.Shopper, shopperId, [], ["phone-a"], 1, 0, at, [IdHash.Of("someone")],
            [IdHash.Of("phone-a"), IdHash.Of("phone-z")]);
        var counted = Assert.Single(await cluster.Client.GetGrain<IRiskActivityGrain>(IRiskActivityGrain.ShardOf(SubjectKind.Shopper, shopperId))
            .Report([shopper]));
        Assert.Equal((1, 2), (counted.Accounts, counted.Devices));

        await using var connection = cluster.Database.CreateConnection();
        var linked = await connection.QueryAsync<string>(
            "SELECT shopper_id FROM risk_links WHERE kind = 'fingerprint' AND value = @fingerprint ORDER BY shopper_id", new { fingerprint });
        Assert.Equal(["amy", "ben", "cat"], linked, StringComparer.Ordinal);
    }
}
