using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FlashSale.Operations.Settings;

/// <summary>
/// The one way FlashSale takes settings: a class bound to a configuration section and checked by its
/// data annotations (<see cref="IValidatableObject"/> for rules across fields, <see cref="ValidateObjectMembersAttribute"/>
/// on a nested settings object) when the host starts, so that a bad value stops the process before it
/// serves anything. Each failure names the setting as appsettings.json and the environment spell it.
/// </summary>
public static class SettingsValidation
{
    /// <summary>Binds <typeparamref name="T"/> to <paramref name="section"/>, validated when the host starts.</summary>
    public static OptionsBuilder<T> AddSettings<T>(this IServiceCollection services, string section) where T : class
    {
        services.AddSingleton<IValidateOptions<T>>(new NamedSettingsValidator<T>(section));
        return services.AddOptions<T>().BindConfiguration(section).ValidateOnStart();
    }

    /// <summary>
    /// Reads and validates <typeparamref name="T"/> now, for the few settings that decide what the host
    /// is built of (which database, which features), before there is a host to validate them.
    /// </summary>
    public static T ReadSettings<T>(this IConfiguration configuration, string section) where T : class, new()
    {
        var settings = configuration.GetSection(section).Get<T>() ?? new T();
        var result = new NamedSettingsValidator<T>(section).Validate(null, settings);
        return result.Failed ? throw new OptionsValidationException(section, typeof(T), result.Failures) : settings;
    }

    /// <summary>A configuration key with the environment variable that sets it: <c>Risk:TimeZone (env Risk__TimeZone)</c>.</summary>
    public static string Named(string key) => $"{key} (env {key.Replace(":", "__", StringComparison.Ordinal)})";

    private sealed class NamedSettingsValidator<T>(string section) : IValidateOptions<T> where T : class
    {
        public ValidateOptionsResult Validate(string? name, T options)
        {
            var failures = new List<string>();
            Check(section, options, failures);
            return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
        }

        private static void Check(string path, object settings, List<string> failures)
        {
            var results = new List<ValidationResult>();
            Validator.TryValidateObject(settings, new ValidationContext(settings), results, validateAllProperties: true);
            foreach (var result in results)
            {
                var keys = result.MemberNames.Select(member => Named($"{path}:{member}")).DefaultIfEmpty(Named(path));
                failures.Add($"{string.Join(", ", keys)}: {result.ErrorMessage}");
            }

            foreach (var property in settings.GetType().GetProperties())
            {
                if (property.IsDefined(typeof(ValidateObjectMembersAttribute), inherit: false) && property.GetValue(settings) is { } nested)
                {
                    Check($"{path}:{property.Name}", nested, failures);
                }
            }
        }
    }
}
