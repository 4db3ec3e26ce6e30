using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace FlashSale.PaymentSandbox;

internal static partial class SandboxServices
{
    public static IServiceCollection AddPaymentSandbox(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SandboxOptions>().Bind(configuration.GetSection(SandboxOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SandboxOptions>, SandboxOptionsValidation>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<PaymentChannels>();
        services.AddSingleton(provider =>
        {
            var key = PlatformKey.LoadOrCreate(provider.GetRequiredService<IOptions<SandboxOptions>>().Value.KeyFile, provider.GetRequiredService<TimeProvider>());
            LogPlatformKey(provider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(PlatformKey)), key.Serial, key.Source);
            return key;
        });
        services.AddSingleton<Faults>();
        services.AddSingleton<Stats>();
        services.AddSingleton<Trades>();
        services.AddSingleton<BillFiles>();
        services.AddSingleton<NotificationFactory>();
        services.AddSingleton<NotificationSender>();
        services.AddHostedService(provider => provider.GetRequiredService<NotificationSender>());
        services.AddSingleton<RefundSettlement>();
        return services;
    }

    [LoggerMessage(EventId = 10, Level = LogLevel.Information, Message = "Platform key {Serial}: {Source}")]
    private static partial void LogPlatformKey(ILogger logger, string serial, string source);
}
