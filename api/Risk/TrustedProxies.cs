using System.ComponentModel.DataAnnotations;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.HttpOverrides;

namespace FlashSale.Api.Risk;

/// <summary>
/// Configuration section <c>ForwardedHeaders</c>: the proxies whose <c>X-Forwarded-For</c> is
/// believed (<c>KnownProxies:0</c>, <c>:1</c>, ...: addresses, or ranges in CIDR notation).
/// </summary>
public sealed class TrustedProxies : IValidatableObject
{
    public const string Section = "ForwardedHeaders";

    public string[] KnownProxies { get; set; } = [];

    public void ApplyTo(ForwardedHeadersOptions options)
    {
        options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var proxy in KnownProxies)
        {
            if (proxy.Contains('/'))
            {
                options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(proxy));
            }
            else
            {
                options.KnownProxies.Add(IPAddress.Parse(proxy));
            }
        }
    }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        for (var i = 0; i < KnownProxies.Length; i++)
        {
            var proxy = KnownProxies[i];
            var valid = proxy.Contains('/') ? System.Net.IPNetwork.TryParse(proxy, out _) : IPAddress.TryParse(proxy, out _);
            if (!valid)
            {
                yield return new ValidationResult($"'{proxy}' is neither an address nor a CIDR range.", [$"{nameof(KnownProxies)}:{i}"]);
            }
        }
    }
}
