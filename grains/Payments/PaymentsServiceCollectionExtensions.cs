using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace FlashSale.Grains.Payments;

public static class PaymentsServiceCollectionExtensions
{
    /// <summary>
    /// The payment channels of configuration section <c>Payments</c> (<see cref="PaymentChannelOptions"/>,
    /// checked when the host starts), one HttpClient per channel, the platform keys, the notification
    /// verifier and the router, all singletons.
    /// </summary>
    public static IServiceCollection AddPaymentGateways(this IServiceCollection services, IConfiguration paymentsSection)
    {
        services.AddOptions<PaymentChannelOptions>().Bind(paymentsSection).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PaymentChannelOptions>, PaymentChannelOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<PaymentChannels>();
        services.TryAddSingleton<PlatformKeys>();
        services.TryAddSingleton<NotificationVerifier>();
        services.TryAddSingleton<PaymentRouter>();
        return services;
    }
}
