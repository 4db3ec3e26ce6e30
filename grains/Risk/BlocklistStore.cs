using Dapper;
using FlashSale.GrainInterfaces.Risk;
using Npgsql;

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
        var version = await connection.ExecuteScalarAsync<long>("SELECT coalesce(max(version), 0) FROM risk_blocks", transaction: transaction);
        var blocks = await connection.QueryAsync<BlockRow>(
            """
            SELECT block_id, kind, value, reason, created_by, created_at, expires_at
              FROM risk_blocks
             WHERE removed_at IS NULL AND (expires_at IS NULL OR expires_at > @now)
            """,
            new { now = now.ToUniversalTime() }, transaction);
        await transaction.CommitAsync();
        return new Blocklist(version, [.. blocks.Select(b => b.ToBlock())]);
    }

    /// <summary>Stores new blocks in one statement; returns the list's new version.</summary>
    public async Task<long> AddAsync(IReadOnlyList<RiskBlock> blocks)
    {
        await using var connection = database.CreateConnection();
        return await connection.ExecuteScalarAsync<long>(
            """
            WITH added AS (
                INSERT INTO risk_blocks (block_id, kind, value, reason, created_by, created_at, expires_at, version)
                SELECT b.*, nextval('risk_blocks_version')
                  FROM unnest(@ids::uuid[], @kinds::text[], @values::text[], @reasons::text[], @createdBy::text[], @createdAt::timestamptz[],
                              @expiresAt::timestamptz[]) AS b
                RETURNING version)
            SELECT max(version) FROM added
            """,
            new
            {
                ids = blocks.Select(b => b.Id).ToArray(),
                kinds = blocks.Select(b => b.Kind.ToString().ToLowerInvariant()).ToArray(),
                values = blocks.Select(b => b.Value).ToArray(),
                reasons = blocks.Select(b => b.Reason).ToArray(),
                createdBy = blocks.Select(b => b.CreatedBy).ToArray(),
                createdAt = blocks.Select(b => b.CreatedAt.ToUniversalTime()).ToArray(),
                expiresAt = blocks.Select(b => b.ExpiresAt?.ToUniversalTime()).ToArray(),
            });
    }

    /// <summary>Marks a block removed; returns the list's new version, or null when it was not in force.</summary>
    public async Task<long?> RemoveAsync(Guid blockId, string removedBy, DateTimeOffset now)
    {
        await using var connection = database.CreateConnection();
        return await connection.ExecuteScalarAsync<long?>(
            """
            UPDATE risk_blocks SET removed_by = @removedBy, removed_at = @now, version = nextval('risk_blocks_version')
             WHERE block_id = @blockId AND removed_at IS NULL
            RETURNING version
            """,
            new { blockId, removedBy, now = now.ToUniversalTime() });
    }

    private sealed record BlockRow(Guid BlockId, string Kind, string Value, string Reason, string CreatedBy, DateTimeOffset CreatedAt,
        DateTimeOffset? ExpiresAt)
    {
        public RiskBlock ToBlock() =>
            new(BlockId, Enum.Parse<BlockKind>(Kind, ignoreCase: true), Value, Reason, CreatedBy, CreatedAt, ExpiresAt);
    }
}
