using System.Collections.Immutable;
using Dapper;
using FlashSale.GrainInterfaces.Wallet;
using Npgsql;

namespace FlashSale.Grains.Wallet;

/// <summary>Imports and reveals card secrets (silo/Database/Schema/015-card-secrets.sql).</summary>
public sealed class CardSecretStore(NpgsqlDataSource database, CardSecretSeal seal)
{
    // Imports take turns across campaigns: a card imported into two campaigns at once must be refused once.
    private const long ImportLock = 0x4361726453656372L; // "CardSecr"

    public async Task<SecretImport> ImportAsync(Guid campaignId, IReadOnlyList<string> secrets, string importedBy, DateTimeOffset now)
    {
        await using var connection = await database.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await connection.ExecuteAsync("SELECT pg_advisory_xact_lock(@importLock)", new { importLock = ImportLock }, transaction);
        var campaign = await connection.QueryFirstOrDefaultAsync<SecretStock>(
            """
            SELECT s.total_stock, (SELECT count(*) FROM card_secrets cs WHERE cs.campaign_id = s.campaign_id)::integer AS imported
              FROM campaign_stock s WHERE s.campaign_id = @campaignId AND s.card_secrets
            """,
            new { campaignId }, transaction);
        if (campaign is null)
        {
            return new SecretImport(false, 0, 0, []);
        }

        var fingerprints = secrets.Select(seal.Fingerprint).ToList();
        var known = (await connection.QueryAsync<byte[]>("SELECT fingerprint FROM card_secrets WHERE fingerprint = ANY(@fingerprints)",
                new { fingerprints = fingerprints.ToArray() }, transaction))
            .Select(Convert.ToHexString)
            .ToHashSet(StringComparer.Ordinal);

        var refused = ImmutableArray.CreateBuilder<RefusedSecret>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var (totalStock, imported) = (campaign.TotalStock, campaign.Imported);
        var slot = imported;
        var accepted = new List<(int Slot, byte[] Sealed, byte[] Fingerprint)>();
        for (var i = 0; i < secrets.Count; i++)
        {
            var fingerprint = Convert.ToHexString(fingerprints[i]);
            var reason = known.Contains(fingerprint) ? "already_imported"
                : !seen.Add(fingerprint) ? "duplicate_in_import"
                : slot >= totalStock ? "beyond_stock"
                : null;
            if (reason is not null)
            {
                refused.Add(new RefusedSecret(i, reason));
                continue;
            }

            slot++;
            accepted.Add((slot, seal.Seal(campaignId, slot, secrets[i]), fingerprints[i]));
        }

        if (accepted.Count > 0)
        {
            await connection.ExecuteAsync(
                """
                INSERT INTO card_secrets (campaign_id, slot, sealed, fingerprint, imported_by, imported_at)
                SELECT @campaignId, secret.slot, secret.sealed, secret.fingerprint, @importedBy, @now
                  FROM unnest(@slots::integer[], @sealed::bytea[], @fingerprints::bytea[]) AS secret (slot, sealed, fingerprint)
                """,
                new
                {
                    campaignId,
                    slots = accepted.Select(a => a.Slot).ToArray(),
                    @sealed = accepted.Select(a => a.Sealed).ToArray(),
                    fingerprints = accepted.Select(a => a.Fingerprint).ToArray(),
                    importedBy,
                    now,
                },
                transaction);
        }

        await transaction.CommitWithinDeadlineAsync();
        return new SecretImport(true, slot - imported, slot, refused.ToImmutable());
    }

    /// <summary>The secret of a coupon its holder asks for; every reveal is recorded.</summary>
    public async Task<SecretReveal> RevealAsync(string shopperId, Guid couponId, DateTimeOffset now)
    {
        await using var connection = await database.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var secret = await connection.QueryFirstOrDefaultAsync<HeldSecret>(
            """
            SELECT c.campaign_id, c.seq, cs.sealed
              FROM coupons c
              JOIN campaign_stock s ON s.campaign_id = c.campaign_id AND s.card_secrets
              LEFT JOIN card_secrets cs ON cs.campaign_id = c.campaign_id AND cs.slot = c.seq
             WHERE c.coupon_id = @couponId AND coalesce(c.holder_id, c.shopper_id) = @shopperId AND c.sale_state IS NULL
            """,
            new { couponId, shopperId }, transaction);
        if (secret is null)
        {
            return new SecretReveal(SecretOutcome.NotFound);
        }

        if (secret.Sealed is null)
        {
            return new SecretReveal(SecretOutcome.NotImported);
        }

        await connection.ExecuteAsync(
            "INSERT INTO card_secret_reveals (coupon_id, campaign_id, shopper_id, revealed_at) VALUES (@couponId, @campaignId, @shopperId, @now)",
            new { couponId, campaignId = secret.CampaignId, shopperId, now }, transaction);

        // Recorded before it is shown: a reveal that cannot be audited is not made.
        await transaction.CommitWithinDeadlineAsync();
        return new SecretReveal(SecretOutcome.Revealed, seal.Open(secret.CampaignId, secret.Seq, secret.Sealed));
    }

    private sealed record SecretStock(int TotalStock, int Imported);

    private sealed record HeldSecret(Guid CampaignId, int Seq, byte[]? Sealed);
}
