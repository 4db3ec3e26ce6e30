using Microsoft.Extensions.Logging;

namespace FlashSale.Grains.Campaigns;

internal static partial class CampaignGrainLog
{
    [LoggerMessage(EventId = 2001, Level = LogLevel.Warning,
        Message = "Ledger write for campaign {CampaignId} failed; {Count} claims not acknowledged, rebuilding from the ledger")]
    public static partial void LedgerWriteFailed(ILogger logger, Exception exception, Guid campaignId, int count);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Warning, Message = "Could not save refusal counts of campaign {CampaignId}; retrying")]
    public static partial void RefusalsNotSaved(ILogger logger, Exception exception, Guid campaignId);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Warning, Message = "Could not read shoppers of campaign {CampaignId} from the ledger; their claims were refused as unavailable")]
    public static partial void ShoppersNotRead(ILogger logger, Exception exception, Guid campaignId);

    [LoggerMessage(EventId = 2004, Level = LogLevel.Warning, Message = "Could not read the holders of campaign {CampaignId}; shoppers it does not hold are read one batch at a time until a read succeeds")]
    public static partial void HoldersNotRead(ILogger logger, Exception exception, Guid campaignId);
}
