using System.Net;
using FlashSale.GrainInterfaces.Risk;

namespace FlashSale.Api.Risk;

/// <summary>This node's copy of the blocklist, indexed for a match on every claim.</summary>
public sealed class LocalBlocklist(TimeProvider clock)
{
    private volatile Index _index = Index.Of(new Blocklist(-1, []));

    public long Version => _index.List.Version;

    public void Replace(Blocklist list)
    {
        if (list.Version != _index.List.Version)
        {
            _index = Index.Of(list);
        }
    }

    /// <summary>The block in force on any of the request's subjects, or null.</summary>
    public RiskBlock? Match(string? shopperId, string? deviceId, IPAddress? address, string? fingerprint = null)
    {
        var index = _index;
        var now = clock.GetUtcNow();
        bool InForce(RiskBlock block) => block.ExpiresAt is null || block.ExpiresAt > now;

        if (shopperId is not null && index.Shoppers.TryGetValue(shopperId, out var byShopper) && InForce(byShopper))
        {
            return byShopper;
        }

        if (deviceId is not null && index.Devices.TryGetValue(deviceId, out var byDevice) && InForce(byDevice))
        {
            return byDevice;
        }

        if (fingerprint is not null && index.Fingerprints.TryGetValue(fingerprint, out var byFingerprint) && InForce(byFingerprint))
        {
            return byFingerprint;
        }

        if (address is null)
        {
            return null;
        }

        address = address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
        foreach (var (range, block) in index.Ranges)
        {
            if (range.Contains(address) && InForce(block))
            {
                return block;
            }
        }

        return null;
    }

    private sealed record Index(
        Blocklist List,
        Dictionary<string, RiskBlock> Shoppers,
        Dictionary<string, RiskBlock> Devices,
        Dictionary<string, RiskBlock> Fingerprints,
        List<(IPNetwork Range, RiskBlock Block)> Ranges)
    {
        public static Index Of(Blocklist list)
        {
            var index = new Index(list, new(StringComparer.Ordinal), new(StringComparer.Ordinal), new(StringComparer.Ordinal), []);
            foreach (var block in list.Blocks)
            {
                switch (block.Kind)
                {
                    case BlockKind.Shopper:
                        index.Shoppers[block.Value] = block;
                        break;
                    case BlockKind.Device:
                        index.Devices[block.Value] = block;
                        break;
                    case BlockKind.Fingerprint:
                        index.Fingerprints[block.Value] = block;
                        break;
                    case BlockKind.Address when AddressRange.TryParse(block.Value, out var range):
                        index.Ranges.Add((range, block));
                        break;
                }
            }

            return index;
        }
    }
}

/// <summary>An address block's value: one IP address, or a CIDR range.</summary>
public static class AddressRange
{
    public static bool TryParse(string value, out IPNetwork range)
    {
        if (IPNetwork.TryParse(value, out range))
        {
            return true;
        }

        if (IPAddress.TryParse(value, out var single))
        {
            range = new IPNetwork(single, single.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128);
            return true;
        }

        return false;
    }
}
