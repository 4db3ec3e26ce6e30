using System.Data.Common;
using Npgsql;

namespace FlashSale.Silo;

/// <summary>
/// How many connections to PostgreSQL one silo may hold, per pool. Each pool alone would otherwise
/// grow to Npgsql's default of 100; measured: when 1,000 campaigns were activated at once on a
/// restarted silo (benchmark rung O), the ledger's, the lookups' and Orleans' pools together asked
/// for more than the server's 200 (deploy/postgres.conf), and the server refused connections
/// (53300), failing activations and limit checks. Bounded, a burst waits in the pools instead.
/// A connection string that sets its own Maximum Pool Size keeps it for every pool.
/// </summary>
public static class SiloConnections
{
    /// <summary>The ledger's and the stores' statements: group commits, activations' reads, money changes.</summary>
    public const int Ledger = 24;

    /// <summary>The limit counters' lookups by shopper or device (unprepared statements).</summary>
    public const int Lookups = 8;

    /// <summary>Orleans' membership, grain state and reminders (one pool: the same connection string).</summary>
    public const int Orleans = 8;

    public static string Bounded(string connectionString, int maxPoolSize)
    {
        var given = new DbConnectionStringBuilder { ConnectionString = connectionString };
        if (given.ContainsKey("Maximum Pool Size") || given.ContainsKey("MaxPoolSize") || given.ContainsKey("Max Pool Size"))
        {
            return connectionString;
        }

        return new NpgsqlConnectionStringBuilder(connectionString) { MaxPoolSize = maxPoolSize }.ConnectionString;
    }
}
