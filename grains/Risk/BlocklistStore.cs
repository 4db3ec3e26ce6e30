using FlashSale.GrainInterfaces.Risk;
using Npgsql;
using NpgsqlTypes;

namespace FlashSale.Grains.Risk;

/// <summary>Reads and writes the risk_blocks table (silo/Database/Schema/011-risk.sql).</summary>
public sealed class BlocklistStore(NpgsqlDataSource database)
{
    /// <summary>The blocks not removed and not expired, with the list's version.</summary>
    public async Task<Blocklist> LoadAsync(DateTimeOffset now)
    {
        await using var connection = await database.OpenConnectionAsync();
        // Repeatable read: the version and the blocks come from one snapshot, so they agree.
        await using var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead);
        await using var max = new NpgsqlCommand("SELECT coalesce(max(version), 0) FROM risk_blocks", connection, transaction);
        var version = (long)(await max.ExecuteScalarAsync())!;

        await using var command = new NpgsqlCommand(
            """
            SELECT block_id, kind, value, reason, created_by, created_at, expires_at
              FROM risk_blocks
             WHERE removed_at IS NULL AND (expires_at IS NULL OR expires_at > $1)
            """, connection, transaction);
        command.Parameters.Add(new() { Value = now.UtcDateTime });
        var blocks = new List<RiskBlock>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                blocks.Add(new RiskBlock(reader.GetGuid(0), Enum.Parse<BlockKind>(reader.GetString(1), ignoreCase: true), reader.GetString(2),
                    reader.GetString(3), reader.GetString(4), reader.GetFieldValue<DateTimeOffset>(5),
                    reader.IsDBNull(6) ? null : reader.GetFieldValue<DateTimeOffset>(6)));
            }
        }

        await transaction.CommitAsync();
        return new Blocklist(version, [.. blocks]);
    }

    /// <summary>Stores a new block; returns the list's new version.</summary>
    public async Task<long> AddAsync(RiskBlock block)
    {
        await using var command = database.CreateCommand(
            """
            INSERT INTO risk_blocks (block_id, kind, value, reason, created_by, created_at, expires_at, version)
            VALUES ($1, $2, $3, $4, $5, $6, $7, nextval('risk_blocks_version'))
            RETURNING version
            """);
        command.Parameters.Add(new() { Value = block.Id });
        command.Parameters.Add(new() { Value = block.Kind.ToString().ToLowerInvariant() });
        command.Parameters.Add(new() { Value = block.Value });
        command.Parameters.Add(new() { Value = block.Reason });
        command.Parameters.Add(new() { Value = block.CreatedBy });
        command.Parameters.Add(new() { Value = block.CreatedAt.UtcDateTime });
        command.Parameters.Add(new() { Value = (object?)block.ExpiresAt?.UtcDateTime ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Marks a block removed; returns the list's new version, or null when it was not in force.</summary>
    public async Task<long?> RemoveAsync(Guid blockId, string removedBy, DateTimeOffset now)
    {
        await using var command = database.CreateCommand(
            """
            UPDATE risk_blocks SET removed_by = $2, removed_at = $3, version = nextval('risk_blocks_version')
             WHERE block_id = $1 AND removed_at IS NULL
            RETURNING version
            """);
        command.Parameters.Add(new() { Value = blockId });
        command.Parameters.Add(new() { Value = removedBy });
        command.Parameters.Add(new() { Value = now.UtcDateTime });
        return await command.ExecuteScalarAsync() is long version ? version : null;
    }
}
