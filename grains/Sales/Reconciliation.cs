using System.Collections.Immutable;
using System.Text.Json;
using Dapper;
using FlashSale.GrainInterfaces.Sales;
using FlashSale.Grains.Payments;
using Npgsql;

namespace FlashSale.Grains.Sales;

/// <summary>
/// Reconciliation (对账): one channel's daily statement matched against our payments and refunds of
/// that day (a UTC+8 calendar day, as the gateways cut them), every difference listed. A day that
/// reconciles has none. Each run is kept (<c>reconciliation_runs</c>), so that a report can be read
/// and downloaded later and a day re-run once a late refund has gone through.
/// </summary>
public sealed class Reconciliation(NpgsqlDataSource database, PaymentRouter router, TimeProvider clock)
{
    /// <summary>The gateways' day: China Standard Time, which has no daylight saving.</summary>
    public static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    public async Task<ReconciliationReport> RunAsync(string channel, DateOnly day, CancellationToken cancellationToken)
    {
        var statement = await router.For(channel).DownloadStatementAsync(day, cancellationToken);
        var from = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), ChinaOffset);
        var ours = await OursAsync(channel, from, from.AddDays(1));
        var differences = Compare(statement, ours, from, from.AddDays(1));
        var report = new ReconciliationReport(channel, day, clock.GetUtcNow(), statement.Rows.Count,
            statement.Rows.Count - differences.Count(d => d.OnStatement), [.. differences]);
        await SaveAsync(report);
        return report;
    }

    /// <summary>The latest run of each channel for <paramref name="day"/>.</summary>
    public async Task<ImmutableArray<ReconciliationReport>> LatestAsync(DateOnly day)
    {
        await using var connection = database.CreateConnection();
        var runs = await connection.QueryAsync<StoredRun>(
            """
            SELECT DISTINCT ON (channel) channel, day, ran_at, statement_rows, matched, differences::text AS differences
              FROM reconciliation_runs WHERE day = @day ORDER BY channel, run_id DESC
            """, new { day });
        return [.. runs.Select(run => run.ToReport())];
    }

    private static List<ReconciliationDifference> Compare(GatewayStatement statement, OurBooks ours, DateTimeOffset from, DateTimeOffset to)
    {
        var differences = new List<ReconciliationDifference>();
        var paidOnStatement = new HashSet<string>(StringComparer.Ordinal);
        var refundsOnStatement = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in statement.Rows)
        {
            if (row.State == "REFUND")
            {
                refundsOnStatement.Add(row.OutRefundNo ?? "");
                if (!ours.Refunds.TryGetValue(row.OutRefundNo ?? "", out var refund))
                {
                    differences.Add(new("refund_mismatch", row.OutTradeNo, row.OutRefundNo, row.RefundFen, null, true,
                        "The gateway refunded this; we never asked for it."));
                }
                else if (refund.AmountFen != row.RefundFen)
                {
                    differences.Add(new("refund_mismatch", row.OutTradeNo, row.OutRefundNo, row.RefundFen, refund.AmountFen, true,
                        "The refunded amounts differ."));
                }

                continue;
            }

            paidOnStatement.Add(row.OutTradeNo);
            if (!ours.Captures.TryGetValue(row.OutTradeNo, out var capture) || capture.Settlement is null)
            {
                differences.Add(new("paid_but_no_coupon", row.OutTradeNo, null, row.AmountFen, null, true,
                    "The gateway captured this; we issued no coupon and asked for no refund."));
            }
            else if (capture.CapturedFen != row.AmountFen || (capture.Settlement == "coupon" && capture.OrderFen != row.AmountFen))
            {
                differences.Add(new("amount_mismatch", row.OutTradeNo, null, row.AmountFen, capture.CapturedFen, true,
                    "The statement's amount differs from what we recorded or what the order costs."));
            }
            else if (capture.Settlement == "refund" && !capture.RefundAsked)
            {
                differences.Add(new("paid_but_no_coupon", row.OutTradeNo, null, row.AmountFen, capture.CapturedFen, true,
                    "Settled as a refund, but no refund is recorded."));
            }
        }

        foreach (var (outTradeNo, capture) in ours.Captures)
        {
            if (capture.CapturedAt >= from && capture.CapturedAt < to && !paidOnStatement.Contains(outTradeNo))
            {
                differences.Add(new(capture.Settlement == "coupon" ? "coupon_but_not_paid" : "capture_not_on_statement", outTradeNo, null, null,
                    capture.CapturedFen, false, "We recorded a capture that the gateway's statement does not list."));
            }
        }

        foreach (var (outRefundNo, refund) in ours.Refunds)
        {
            if (refund.Accepted && refund.RequestedAt >= from && refund.RequestedAt < to && !refundsOnStatement.Contains(outRefundNo))
            {
                differences.Add(new("refund_mismatch", refund.OutTradeNo, outRefundNo, null, refund.AmountFen, false,
                    "The gateway accepted this refund; its statement does not list it."));
            }
        }

        return differences;
    }

    private async Task<OurBooks> OursAsync(string channel, DateTimeOffset from, DateTimeOffset to)
    {
        await using var connection = database.CreateConnection();
        // Captures of the day, and any capture the statement may name (a day's rows are matched by number, whenever we recorded them).
        var captures = await connection.QueryAsync<OurCapture>(
            """
            SELECT p.out_trade_no, p.captured_fen, p.captured_at, p.settlement, o.amount_fen AS order_fen,
                   EXISTS (SELECT 1 FROM sale_refunds r WHERE r.channel = p.channel AND r.out_trade_no = p.out_trade_no) AS refund_asked
              FROM sale_payments p JOIN sale_orders o USING (order_id)
             WHERE p.channel = @channel AND p.captured_at IS NOT NULL AND p.captured_at >= @from - interval '1 day' AND p.captured_at < @to + interval '1 day'
            """, new { channel, from = from.ToUniversalTime(), to = to.ToUniversalTime() });
        var refunds = await connection.QueryAsync<OurRefund>(
            """
            SELECT out_refund_no, out_trade_no, amount_fen, requested_at, status <> 'requested' AS accepted
              FROM sale_refunds
             WHERE channel = @channel AND requested_at >= @from - interval '1 day' AND requested_at < @to + interval '1 day'
            """, new { channel, from = from.ToUniversalTime(), to = to.ToUniversalTime() });
        return new OurBooks(captures.ToDictionary(c => c.OutTradeNo, StringComparer.Ordinal), refunds.ToDictionary(r => r.OutRefundNo, StringComparer.Ordinal));
    }

    private async Task SaveAsync(ReconciliationReport report)
    {
        await using var connection = database.CreateConnection();
        await connection.ExecuteAsync(
            """
            INSERT INTO reconciliation_runs (channel, day, ran_at, statement_rows, matched, differences)
            VALUES (@channel, @day, @ranAt, @statementRows, @matched, @differences::jsonb)
            """,
            new
            {
                channel = report.Channel, day = report.Day, ranAt = report.RanAt, statementRows = report.StatementRows, matched = report.Matched,
                differences = JsonSerializer.Serialize(report.Differences),
            });
    }

    private sealed record OurBooks(Dictionary<string, OurCapture> Captures, Dictionary<string, OurRefund> Refunds);

    private sealed record OurCapture(string OutTradeNo, long CapturedFen, DateTimeOffset CapturedAt, string? Settlement, long OrderFen, bool RefundAsked);

    private sealed record OurRefund(string OutRefundNo, string OutTradeNo, long AmountFen, DateTimeOffset RequestedAt, bool Accepted);

    private sealed record StoredRun(string Channel, DateOnly Day, DateTimeOffset RanAt, int StatementRows, int Matched, string Differences)
    {
        public ReconciliationReport ToReport() => new(Channel, Day, RanAt, StatementRows, Matched,
            [.. JsonSerializer.Deserialize<ReconciliationDifference[]>(Differences) ?? []]);
    }
}
