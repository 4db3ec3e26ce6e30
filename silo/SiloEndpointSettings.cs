using System.ComponentModel.DataAnnotations;
using System.Net;
using Orleans.Configuration;

namespace FlashSale.Silo;

/// <summary>Configuration section <c>Orleans</c>: where this silo listens and what address it gives the cluster.</summary>
public sealed class SiloEndpointSettings : IValidatableObject
{
    public const string Section = "Orleans";

    [Range(1, 65535, ErrorMessage = "must be a port number (1 to 65535).")]
    public int SiloPort { get; set; } = 11111;

    [Range(1, 65535, ErrorMessage = "must be a port number (1 to 65535).")]
    public int GatewayPort { get; set; } = 30000;

    /// <summary>The address other silos and clients reach this one at, as written in the membership table.</summary>
    public string AdvertisedIPAddress { get; set; } = "127.0.0.1";

    /// <summary>Listen on every interface (containers), while advertising <see cref="AdvertisedIPAddress"/>.</summary>
    public bool ListenOnAnyHostAddress { get; set; }

    public void ApplyTo(EndpointOptions endpoints)
    {
        endpoints.AdvertisedIPAddress = IPAddress.Parse(AdvertisedIPAddress);
        endpoints.SiloPort = SiloPort;
        endpoints.GatewayPort = GatewayPort;
        if (ListenOnAnyHostAddress)
        {
            endpoints.SiloListeningEndpoint = new IPEndPoint(IPAddress.Any, SiloPort);
            endpoints.GatewayListeningEndpoint = new IPEndPoint(IPAddress.Any, GatewayPort);
        }
    }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!IPAddress.TryParse(AdvertisedIPAddress, out _))
        {
            yield return new ValidationResult($"'{AdvertisedIPAddress}' is not an IP address.", [nameof(AdvertisedIPAddress)]);
        }

        if (SiloPort == GatewayPort)
        {
            yield return new ValidationResult("the silo and gateway ports must differ.", [nameof(SiloPort), nameof(GatewayPort)]);
        }
    }
}
