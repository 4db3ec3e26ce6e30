using System.Data;
using Dapper;

namespace FlashSale.Grains.Sql;

/// <summary>
/// How the stores talk to PostgreSQL. Off the claim's hot path they use Dapper: named parameters
/// (<c>@campaignId</c>) from an object's members, and rows mapped to records by column name
/// (<c>campaign_id</c> to <c>CampaignId</c>), so that adding a column or a parameter shifts nothing
/// else. The claim's own statements (<see cref="Ledger.CouponLedger"/>) stay on plain Npgsql, with
/// named parameters and columns read by name too.
/// </summary>
public static class SqlConventions
{
    /// <summary>Dapper's settings are process-wide: applied once by the silo builder, before any grain runs.</summary>
    public static void Apply()
    {
        DefaultTypeMap.MatchNamesWithUnderscores = true;
        SqlMapper.AddTypeHandler(typeof(DateTimeOffset), new UtcInstants());
        SqlMapper.AddTypeHandler(typeof(TimeSpan[]), new ArrayOf<TimeSpan>());
    }

    /// <summary>
    /// Npgsql reads <c>timestamptz</c> as a UTC <see cref="DateTime"/>, and Dapper maps a column to a
    /// record's constructor only when the types agree: this lets records keep <see cref="DateTimeOffset"/>.
    /// Written values keep the type <c>timestamptz</c>, nulls included.
    /// </summary>
    private sealed class UtcInstants : SqlMapper.ITypeHandler
    {
        public object Parse(Type destinationType, object value) => value is DateTime utc ? new DateTimeOffset(utc) : value;

        public void SetValue(IDbDataParameter parameter, object value)
        {
            parameter.DbType = DbType.DateTimeOffset;
            parameter.Value = value;
        }
    }

    /// <summary>
    /// Npgsql reports an array column's type as <see cref="Array"/>, which no record constructor takes:
    /// this maps one to <typeparamref name="T"/>[] (add a type here when a record reads another array).
    /// </summary>
    private sealed class ArrayOf<T> : SqlMapper.ITypeHandler
    {
        public object Parse(Type destinationType, object value) => (T[])value;

        public void SetValue(IDbDataParameter parameter, object value) => parameter.Value = value;
    }
}
