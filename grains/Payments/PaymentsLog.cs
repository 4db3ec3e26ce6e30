using Microsoft.Extensions.Logging;

namespace FlashSale.Grains.Payments;

internal static partial class PaymentsLog
{
    [LoggerMessage(EventId = 2401, Level = LogLevel.Warning, Message = "Platform certificates of payment channel {Channel} could not be fetched")]
    public static partial void CertificatesUnavailable(ILogger logger, Exception exception, string channel);

    [LoggerMessage(EventId = 2402, Level = LogLevel.Warning, Message = "Platform certificate {Serial} of payment channel {Channel} could not be read")]
    public static partial void CertificateUnreadable(ILogger logger, Exception exception, string channel, string? serial);

    [LoggerMessage(EventId = 2403, Level = LogLevel.Information, Message = "Fetched {Count} platform certificates of payment channel {Channel}")]
    public static partial void CertificatesFetched(ILogger logger, string channel, int count);

    [LoggerMessage(EventId = 2404, Level = LogLevel.Warning, Message = "Circuit breaker of payment channel {Channel} opened for {BreakDuration} (manual: {Manual})")]
    public static partial void BreakerOpened(ILogger logger, string channel, TimeSpan breakDuration, bool manual);

    [LoggerMessage(EventId = 2405, Level = LogLevel.Information, Message = "Circuit breaker of payment channel {Channel} half-open: probing")]
    public static partial void BreakerHalfOpened(ILogger logger, string channel);

    [LoggerMessage(EventId = 2406, Level = LogLevel.Information, Message = "Circuit breaker of payment channel {Channel} closed (manual: {Manual})")]
    public static partial void BreakerClosed(ILogger logger, string channel, bool manual);

    [LoggerMessage(EventId = 2407, Level = LogLevel.Warning, Message = "Payment channel {Channel} failed to create payment {OutTradeNo}; trying the next channel")]
    public static partial void CreateFailed(ILogger logger, Exception exception, string channel, string outTradeNo);
}
