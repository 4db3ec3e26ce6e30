using System.Collections.Immutable;
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
        await using (var take = new NpgsqlCommand($"SELECT pg_advisory_xact_lock({ImportLock})", connection, transaction))
        {
            await take.ExecuteNonQueryAsync();
        }

        int totalStock, imported;
        await using (var campaign = new NpgsqlCommand(
            """
            SELECT s.total_stock, (SELECT count(*) FROM card_secrets cs WHERE cs.campaign_id = s.campaign_id)::integer
              FROM campaign_stock s WHERE s.campaign_id = $1 AND s.card_secrets
            """, connection, transaction))
        {
            campaign.Parameters.Add(new() { Value = campaignId });
            await using var reader = await campaign.ExecuteReaderAsync();
            if (!await reader.ReadAsync())
            {
                return new SecretImport(false, 0, 0, []);
            }

            (totalStock, imported) = (reader.GetInt32(0), reader.GetInt32(1));
        }

        var fingerprints = secrets.Select(seal.Fingerprint).ToList();
        var known = new HashSet<string>(StringComparer.Ordinal);
        await using (var existing = new NpgsqlCommand("SELECT fingerprint FROM card_secrets WHERE fingerprint = ANY($1)", connection, transaction))
        {
            existing.Parameters.Add(new() { Value = fingerprints.ToArray() });
            await using var reader = await existing.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                known.Add(Convert.ToHexString(reader.GetFieldValue<byte[]>(0)));
            }
        }

        var refused = ImmutableArray.CreateBuilder<RefusedSecret>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var slot = imported;
        await using var batch = new NpgsqlBatch(connection, transaction);
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
            var insert = new NpgsqlBatchCommand(
                "INSERT INTO card_secrets (campaign_id, slot, sealed, fingerprint, imported_by, imported_at) VALUES ($1, $2, $3, $4, $5, $6)");
            insert.Parameters.Add(new() { Value = campaignId });
            insert.Parameters.Add(new() { Value = slot });
            insert.Parameters.Add(new() { Value = seal.Seal(campaignId, slot, secrets[i]) });
            insert.Parameters.Add(new() { Value = fingerprints[i] });
            insert.Parameters.Add(new() { Value = importedBy });
            insert.Parameters.Add(new() { Value = now });
            batch.BatchCommands.Add(insert);
        }

        if (batch.BatchCommands.Count > 0)
        {
            await batch.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
        return new SecretImport(true, slot - imported, slot, refused.ToImmutable());
    }

    /// <summary>The secret of a coupon its holder asks for; every reveal is recorded.</summary>
    public async Task<SecretReveal> RevealAsync(string shopperId, Guid couponId, DateTimeOffset now)
    {
        await using var connection = await database.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        Guid campaignId;
        int seq;
        byte[]? sealedValue;
        await using (var find = new NpgsqlCommand(
            """
            SELECT c.campaign_id, c.seq, cs.sealed
              FROM coupons c
              JOIN campaign_stock s ON s.campaign_id = c.campaign_id AND s.card_secrets
              LEFT JOIN card_secrets cs ON cs.campaign_id = c.campaign_id AND cs.slot = c.seq
             WHERE c.coupon_id = $1 AND coalesce(c.holder_id, c.shopper_id) = $2
            """, connection, transaction))
        {
            find.Parameters.Add(new() { Value = couponId });
            find.Parameters.Add(new() { Value = shopperId });
            await using var reader = await find.ExecuteReaderAsync();
            if (!await reader.ReadAsync())
            {
                return new SecretReveal(SecretOutcome.NotFound);
            }

            (campaignId, seq, sealedValue) = (reader.GetGuid(0), reader.GetInt32(1), reader.IsDBNull(2) ? null : reader.GetFieldValue<byte[]>(2));
        }

        if (sealedValue is null)
        {
            return new SecretReveal(SecretOutcome.NotImported);
        }

        await using (var audit = new NpgsqlCommand(
            "INSERT INTO card_secret_reveals (coupon_id, campaign_id, shopper_id, revealed_at) VALUES ($1, $2, $3, $4)", connection, transaction))
        {
            audit.Parameters.Add(new() { Value = couponId });
            audit.Parameters.Add(new() { Value = campaignId });
            audit.Parameters.Add(new() { Value = shopperId });
            audit.Parameters.Add(new() { Value = now });
            await audit.ExecuteNonQueryAsync();
        }

        // Recorded before it is shown: a reveal that cannot be audited is not made.
        await transaction.CommitAsync();
        return new SecretReveal(SecretOutcome.Revealed, seal.Open(campaignId, seq, sealedValue));
    }
}
