using System.Collections.Immutable;
using Dapper;
using FlashSale.GrainInterfaces.Audit;
using FlashSale.GrainInterfaces.Campaigns;
using Npgsql;

namespace FlashSale.Grains.Audit;

/// <summary>
/// One pass over the books, judging only what changed since the pass before: each campaign's ledger rows past the
/// highest sequence already counted, the shoppers and devices of those rows, the orders, points entries and paid
/// sales of the last seconds. What it remembers between passes (per campaign, the rows counted so far) is its own;
/// a restarted auditor counts every ledger once, then goes on from there.
/// <para>
/// Each check is one statement, so it reads one snapshot: a ledger row and the counter its transaction moved are
/// seen together or not at all, and a claim committing during a pass is never a false breach.
/// </para>
/// </summary>
public sealed class BooksAudit(NpgsqlDataSource database, IGrainFactory grains, TimeProvider clock)
{
    /// <summary>
    /// How far back a pass looks past the one before for rows found by time (orders, payments, points): a
    /// transaction stamps its rows before it commits, and another silo's clock may be behind this one's.
    /// </summary>
    public static readonly TimeSpan Overlap = TimeSpan.FromSeconds(30);

    private const int ExampleRows = 20;
    private readonly Dictionary<Guid, LedgerCounted> _ledgers = [];
    private DateTimeOffset _since = DateTimeOffset.MinValue;
    private DateTimeOffset _passAt;
    private long _pointsAfter;
    private long _pointsNewest;

    public async Task<AuditPass> RunAsync(CancellationToken cancel)
    {
        _passAt = clock.GetUtcNow();
        var since = _since == DateTimeOffset.MinValue ? DateTimeOffset.MinValue : _since - Overlap;
        var breaches = new List<InvariantBreach>();
        var judged = ImmutableDictionary.CreateBuilder<string, int>(StringComparer.Ordinal);
        await using var connection = await database.OpenConnectionAsync(cancel);

        var fresh = await CheckLedgersAsync(connection, breaches, judged, cancel);
        await CheckLimitsAsync(connection, fresh, breaches, judged, cancel);
        await CheckOrdersAsync(connection, since, breaches, judged, cancel);
        await CheckPointsAsync(connection, breaches, judged, cancel);
        await CheckPaidSalesAsync(connection, since, breaches, judged, cancel);

        _since = _passAt;
        return new AuditPass(judged.ToImmutable(), [.. breaches]);
    }

    /// <summary>Invariant 1 for every campaign: its rows, counted incrementally, against its issued counter and its stock.</summary>
    private async Task<List<FreshRows>> CheckLedgersAsync(NpgsqlConnection connection, List<InvariantBreach> breaches,
        ImmutableDictionary<string, int>.Builder judged, CancellationToken cancel)
    {
        var counted = _ledgers.ToList();
        var rows = await connection.QueryAsync<LedgerRow>(new CommandDefinition(
            """
            SELECT s.campaign_id AS CampaignId, s.issued AS Issued, s.total_stock + s.recycled AS Stock,
                   n.new_rows AS NewRows, n.last_seq AS LastSeq, n.new_device_rows AS NewDeviceRows
              FROM campaign_stock s
              LEFT JOIN unnest(@campaigns::uuid[], @seqs::integer[]) AS seen(campaign_id, seq) ON seen.campaign_id = s.campaign_id
             CROSS JOIN LATERAL (
                   SELECT count(*)::integer AS new_rows, coalesce(max(c.seq), 0) AS last_seq, count(c.device_slot)::integer AS new_device_rows
                     FROM coupons c
                    WHERE c.campaign_id = s.campaign_id AND c.seq > coalesce(seen.seq, 0)) n
            """,
            new { campaigns = counted.Select(c => c.Key).ToArray(), seqs = counted.Select(c => c.Value.Seq).ToArray() },
            cancellationToken: cancel));

        var fresh = new List<FreshRows>();
        foreach (var row in rows)
        {
            var before = _ledgers.GetValueOrDefault(row.CampaignId);
            var now = new LedgerCounted(Math.Max(before.Seq, row.LastSeq), before.Rows + row.NewRows);
            _ledgers[row.CampaignId] = now;
            if (row.NewRows > 0)
            {
                fresh.Add(new FreshRows(row.CampaignId, before.Seq, row.NewRows, row.NewDeviceRows));
            }

            if (now.Rows != row.Issued || now.Seq != row.Issued)
            {
                breaches.Add(await BreachAsync(connection, Invariants.LedgerMatchesIssued, row.CampaignId,
                    $"ledger rows {now.Rows}, highest sequence {now.Seq}, issued counter {row.Issued}", row.Issued, cancel));
            }

            if (row.Issued > row.Stock || now.Rows > row.Stock)
            {
                breaches.Add(await BreachAsync(connection, Invariants.NeverOversold, row.CampaignId,
                    $"issued counter {row.Issued}, ledger rows {now.Rows}, stock {row.Stock}", row.Stock, cancel));
            }
        }

        judged[Invariants.LedgerMatchesIssued] = _ledgers.Count;
        judged[Invariants.NeverOversold] = _ledgers.Count;
        return fresh;
    }

    /// <summary>The breach of a campaign's ledger, with its rows past <paramref name="past"/> (what is too many) as examples.</summary>
    private async Task<InvariantBreach> BreachAsync(NpgsqlConnection connection, string invariant, Guid campaignId, string detail, int past,
        CancellationToken cancel)
    {
        var examples = await connection.ExecuteScalarAsync<string>(new CommandDefinition(
            """
            SELECT coalesce(json_agg(c ORDER BY c.seq), '[]')::text FROM (
                SELECT coupon_id, seq, shopper_id, device_id, idempotency_key, issued_at FROM coupons
                 WHERE campaign_id = @campaignId AND seq > @past ORDER BY seq LIMIT @limit) c
            """,
            new { campaignId, past, limit = ExampleRows }, cancellationToken: cancel));
        return new InvariantBreach(invariant, $"campaign {campaignId}", detail, campaignId, _passAt, examples ?? "[]");
    }

    /// <summary>
    /// Invariant 2 for the new rows: a shopper's n-th claim of a campaign is its slot n and a device's its device slot
    /// n, one row per slot (unique in the database), so a holder past a limit has a row whose slot is past it, and
    /// that row was new in some pass. Judging new rows' slots costs a scan of the new rows, not a count per holder
    /// (measured under E1: counting each new row's shopper took a fifth of a second per pass).
    /// </summary>
    private async Task CheckLimitsAsync(NpgsqlConnection connection, List<FreshRows> fresh, List<InvariantBreach> breaches,
        ImmutableDictionary<string, int>.Builder judged, CancellationToken cancel)
    {
        judged[Invariants.ShopperLimit] = fresh.Sum(f => f.Rows);
        judged[Invariants.DeviceLimit] = 0;
        if (fresh.Count == 0)
        {
            return;
        }

        var deviceLimits = new Dictionary<Guid, int>();
        foreach (var rows in fresh.Where(f => f.DeviceRows > 0))
        {
            // The campaign's own limit, asked of its grain (active: it just issued); null when it limits no device.
            if ((await grains.GetGrain<ICampaignGrain>(rows.CampaignId).Get())?.Definition.RiskOrNone.MaxClaimsPerDevice is { } limit)
            {
                deviceLimits[rows.CampaignId] = limit;
                judged[Invariants.DeviceLimit] += rows.DeviceRows;
            }
        }

        var over = await connection.QueryAsync<OverLimitRow>(new CommandDefinition(
            """
            SELECT f.campaign_id AS CampaignId, f.shopper_id AS Shopper, f.device_id AS Device,
                   f.shopper_slot > s.per_user_limit AS ShopperOver, coalesce(f.device_slot > w.device_limit, false) AS DeviceOver,
                   s.per_user_limit AS ShopperLimit, coalesce(w.device_limit, 0) AS DeviceLimit,
                   json_build_object('coupon_id', f.coupon_id, 'seq', f.seq, 'shopper_id', f.shopper_id, 'shopper_slot', f.shopper_slot,
                                     'device_id', f.device_id, 'device_slot', f.device_slot, 'issued_at', f.issued_at)::text AS Rows
              FROM unnest(@campaigns::uuid[], @seqs::integer[], @deviceLimits::integer[]) AS w(campaign_id, seq, device_limit)
              JOIN campaign_stock s ON s.campaign_id = w.campaign_id
              JOIN coupons f ON f.campaign_id = w.campaign_id AND f.seq > w.seq
             WHERE f.shopper_slot > s.per_user_limit OR f.device_slot > w.device_limit
            """,
            new
            {
                campaigns = fresh.Select(f => f.CampaignId).ToArray(),
                seqs = fresh.Select(f => f.SeqBefore).ToArray(),
                deviceLimits = fresh.Select(f => deviceLimits.TryGetValue(f.CampaignId, out var limit) ? limit : (int?)null).ToArray(),
            },
            cancellationToken: cancel));
        foreach (var row in over)
        {
            if (row.ShopperOver)
            {
                breaches.Add(new InvariantBreach(Invariants.ShopperLimit, $"shopper {row.Shopper} in campaign {row.CampaignId}",
                    $"a claim past the limit of {row.ShopperLimit} per shopper", row.CampaignId, _passAt, row.Rows));
            }

            if (row.DeviceOver)
            {
                breaches.Add(new InvariantBreach(Invariants.DeviceLimit, $"device {row.Device} in campaign {row.CampaignId}",
                    $"a claim past the limit of {row.DeviceLimit} per device", row.CampaignId, _passAt, row.Rows));
            }
        }
    }

    /// <summary>M1 for the orders made or refunded lately: the row's discount and coupons are its standing uses', within its amount.</summary>
    private async Task CheckOrdersAsync(NpgsqlConnection connection, DateTimeOffset since, List<InvariantBreach> breaches,
        ImmutableDictionary<string, int>.Builder judged, CancellationToken cancel)
    {
        var orders = (await connection.QueryAsync<OrderRow>(new CommandDefinition(
            """
            SELECT o.order_scope AS Scope, o.order_id AS OrderId, o.amount AS Amount, o.discount AS Discount, o.coupons AS Coupons,
                   coalesce(u.discount, 0) AS UsesDiscount, coalesce(u.uses, 0) AS Uses,
                   json_build_object('order', o, 'standing_uses', coalesce(u.rows, '[]'::json))::text AS Rows
              FROM orders o
              LEFT JOIN LATERAL (
                   SELECT sum(r.discount) AS discount, count(*)::integer AS uses,
                          json_agg(json_build_object('redemption_id', r.redemption_id, 'coupon_id', r.coupon_id, 'discount', r.discount)) AS rows
                     FROM redemptions r
                    WHERE r.order_scope = o.order_scope AND r.order_id = o.order_id AND r.kind = 'order' AND r.refunded_at IS NULL) u ON true
             WHERE o.created_at > @since OR o.refunded_at > @since
            """,
            new { since }, cancellationToken: cancel))).ToList();
        foreach (var order in orders)
        {
            var wrong = order.Discount > order.Amount ? $"discount {order.Discount} of an amount of {order.Amount}"
                : order.Discount != order.UsesDiscount || order.Coupons != order.Uses
                    ? $"row says discount {order.Discount} with {order.Coupons} coupons; its standing uses {order.UsesDiscount} with {order.Uses}"
                    : null;
            if (wrong is not null)
            {
                breaches.Add(new InvariantBreach(Invariants.OrderDiscount, $"order {order.Scope}/{order.OrderId}", wrong, null, _passAt, order.Rows));
            }
        }

        judged[Invariants.OrderDiscount] = orders.Count;
    }

    /// <summary>
    /// M2 for the shoppers with new points entries: balance = the sum of their entries. Entries are found by their
    /// identity, each in two passes: an entry numbered before another may commit after it.
    /// </summary>
    private async Task CheckPointsAsync(NpgsqlConnection connection, List<InvariantBreach> breaches,
        ImmutableDictionary<string, int>.Builder judged, CancellationToken cancel)
    {
        var accounts = (await connection.QueryAsync<PointsRow>(new CommandDefinition(
            """
            WITH touched AS (SELECT DISTINCT shopper_id FROM points_entries WHERE entry_id > @after)
            SELECT t.shopper_id AS ShopperId, a.balance AS Balance, e.total AS Entries, e.last AS LastEntry,
                   json_build_object('shopper_id', t.shopper_id, 'balance', a.balance, 'entries_sum', e.total, 'entries', e.entries)::text AS Rows
              FROM touched t
              LEFT JOIN points_accounts a ON a.shopper_id = t.shopper_id
             CROSS JOIN LATERAL (SELECT coalesce(sum(p.delta), 0)::bigint AS total, max(p.entry_id) AS last, count(*) AS entries
                                   FROM points_entries p WHERE p.shopper_id = t.shopper_id) e
            """,
            new { after = _pointsAfter }, cancellationToken: cancel))).ToList();
        foreach (var account in accounts.Where(a => (a.Balance ?? 0) != a.Entries))
        {
            breaches.Add(new InvariantBreach(Invariants.PointsBalance, $"points of shopper {account.ShopperId}",
                $"balance {(account.Balance is { } balance ? balance.ToString(System.Globalization.CultureInfo.InvariantCulture) : "missing")}, entries sum to {account.Entries}",
                null, _passAt, account.Rows));
        }

        (_pointsAfter, _pointsNewest) = (_pointsNewest, accounts.Count == 0 ? _pointsNewest : Math.Max(_pointsNewest, accounts.Max(a => a.LastEntry)));
        judged[Invariants.PointsBalance] = accounts.Count;
    }

    /// <summary>Paid sales, for the orders captured lately: each paid at most once (one capture settled as its coupon).</summary>
    private async Task CheckPaidSalesAsync(NpgsqlConnection connection, DateTimeOffset since, List<InvariantBreach> breaches,
        ImmutableDictionary<string, int>.Builder judged, CancellationToken cancel)
    {
        var orders = (await connection.QueryAsync<PaidRow>(new CommandDefinition(
            """
            SELECT p.order_id AS OrderId, count(*) FILTER (WHERE p.settlement = 'coupon')::integer AS Coupons,
                   json_agg(json_build_object('channel', p.channel, 'out_trade_no', p.out_trade_no, 'captured_fen', p.captured_fen,
                            'settlement', p.settlement, 'captured_at', p.captured_at))::text AS Rows
              FROM sale_payments p
             WHERE p.order_id IN (SELECT order_id FROM sale_payments WHERE captured_at > @since)
             GROUP BY p.order_id
            """,
            new { since }, cancellationToken: cancel))).ToList();
        foreach (var order in orders.Where(o => o.Coupons > 1))
        {
            breaches.Add(new InvariantBreach(Invariants.PaidOnce, $"sale order {order.OrderId}", $"{order.Coupons} captures settled as its coupon",
                null, _passAt, order.Rows));
        }

        judged[Invariants.PaidOnce] = orders.Count;
    }

    /// <summary>A campaign's ledger as counted so far: every row up to <see cref="Seq"/>, <see cref="Rows"/> of them.</summary>
    [System.Runtime.InteropServices.StructLayout(System.Runtime.InteropServices.LayoutKind.Auto)]
    private readonly record struct LedgerCounted(int Seq, int Rows);

    private sealed record FreshRows(Guid CampaignId, int SeqBefore, int Rows, int DeviceRows);

    private sealed record LedgerRow(Guid CampaignId, int Issued, int Stock, int NewRows, int LastSeq, int NewDeviceRows);

    private sealed record OverLimitRow(Guid CampaignId, string Shopper, string Device, bool ShopperOver, bool DeviceOver, int ShopperLimit, int DeviceLimit, string Rows);

    private sealed record OrderRow(string Scope, string OrderId, decimal Amount, decimal Discount, int Coupons, decimal UsesDiscount, int Uses, string Rows);

    private sealed record PointsRow(string ShopperId, long? Balance, long Entries, long LastEntry, string Rows);

    private sealed record PaidRow(Guid OrderId, int Coupons, string Rows);
}

/// <summary>What one pass judged (per invariant) and the breaches it found.</summary>
public sealed record AuditPass(ImmutableDictionary<string, int> Judged, ImmutableArray<InvariantBreach> Breaches);
