using Dapper;
using FlashSale.GrainInterfaces.Sales;
using FlashSale.Grains.Payments;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace FlashSale.Grains.Sales;

/// <inheritdoc cref="IReconciliationJobGrain"/>
public sealed class ReconciliationJobGrain(Reconciliation reconciliation, PaymentRouter router, NpgsqlDataSource database, TimeProvider clock,
    ILogger<ReconciliationJobGrain> logger) : Grain, IReconciliationJobGrain, IRemindable
{
    private const string Daily = "daily-reconciliation";

    /// <summary>When a day's statements are ready: WeChat Pay makes them from 09:00 and advises fetching after 10:00.</summary>
    private static readonly TimeSpan StatementsReady = TimeSpan.FromHours(10);

    public async Task Start()
    {
        // A silo with no payment channel (a free-only deployment, the tests' in-process cluster) has nothing to reconcile.
        if (router.Channels.Count > 0 && await this.GetReminder(Daily) is null)
        {
            await this.RegisterOrUpdateReminder(Daily, TimeSpan.FromMinutes(1), TimeSpan.FromHours(1));
        }
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        var china = clock.GetUtcNow().ToOffset(Reconciliation.ChinaOffset);
        if (china.TimeOfDay < StatementsReady)
        {
            return;
        }

        var yesterday = DateOnly.FromDateTime(china.Date).AddDays(-1);
        foreach (var channel in router.Channels)
        {
            if (await RanAsync(channel, yesterday))
            {
                continue;
            }

            try
            {
                var report = await reconciliation.RunAsync(channel, yesterday, CancellationToken.None);
                ReconciliationLog.Reconciled(logger, channel, yesterday, report.Differences.Length);
            }
            catch (GatewayException e)
            {
                // The next hour tries again.
                ReconciliationLog.Failed(logger, e, channel, yesterday);
            }
        }
    }

    private async Task<bool> RanAsync(string channel, DateOnly day)
    {
        await using var connection = database.CreateConnection();
        return await connection.ExecuteScalarAsync<bool>(
            "SELECT EXISTS (SELECT 1 FROM reconciliation_runs WHERE channel = @channel AND day = @day)", new { channel, day });
    }
}

internal static partial class ReconciliationLog
{
    [LoggerMessage(EventId = 2511, Level = LogLevel.Information, Message = "Reconciled {Channel} for {Day}: {Differences} differences")]
    public static partial void Reconciled(ILogger logger, string channel, DateOnly day, int differences);

    [LoggerMessage(EventId = 2512, Level = LogLevel.Warning, Message = "Reconciling {Channel} for {Day} failed; retrying in an hour")]
    public static partial void Failed(ILogger logger, Exception exception, string channel, DateOnly day);
}
