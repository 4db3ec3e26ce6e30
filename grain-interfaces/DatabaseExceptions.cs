using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;

namespace FlashSale.GrainInterfaces;

public static class DatabaseExceptions
{
    /// <summary>
    /// Lets a PostgreSQL error cross from a grain to its caller as itself, so that the API node
    /// answers 503 (worth retrying) instead of failing to read an exception it was not allowed to.
    /// Silos and clients both need it.
    /// </summary>
    public static IServiceCollection AllowDatabaseExceptions(this IServiceCollection services) =>
        services.Configure<ExceptionSerializationOptions>(options => options.SupportedNamespacePrefixes.Add("Npgsql"));
}
