using Dapper;
using FlashSale.GrainInterfaces.Wallet;
using Npgsql;

namespace FlashSale.Grains.Wallet;

/// <summary>The last step of every money change: commit only while the request's <see cref="ChangeDeadline"/> has not passed.</summary>
internal static class DeadlineCommit
{
    /// <summary>
    /// Checks the deadline by the database's clock, then commits. Between the check and the commit the
    /// transaction still holds its row locks, so any later request that could contradict it waits
    /// for it and sees its outcome; a transaction that reaches the check too late changes nothing.
    /// </summary>
    /// <exception cref="TimeoutException">The deadline had passed: the transaction was rolled back (the API node answers 503).</exception>
    public static async Task CommitWithinDeadlineAsync(this NpgsqlTransaction transaction)
    {
        if (ChangeDeadline.Current is { } deadline
            && !await transaction.Connection!.ExecuteScalarAsync<bool>("SELECT clock_timestamp() <= @deadline", new { deadline }, transaction))
        {
            await transaction.RollbackAsync();
            throw new TimeoutException($"The change reached its commit after its deadline ({deadline:O}); nothing was changed.");
        }

        await transaction.CommitAsync();
    }
}
