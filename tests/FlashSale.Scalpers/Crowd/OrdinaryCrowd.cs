namespace FlashSale.Scalpers.Crowd;

/// <summary>
/// Draws the ordinary shoppers. Four in ten are on phones behind one of four carrier NATs (a /24 with a few
/// public addresses each, 37.5%, 31%, 19% and 12.5% of them), so that one range holds hundreds of honest
/// accounts and a popular phone there is one fingerprint for dozens; the others are at home, one to three
/// to a household address, over <see cref="AddressPlan.HomeRanges"/> /24s, half on a phone over Wi-Fi, half on
/// a desktop. Most open the campaign's page in the seconds before the opening and press Claim after a human
/// reaction time (150 ms plus a log-normal draw, median 0.9 s); one in ten comes 1.5 to 5 s late.
/// </summary>
public static class OrdinaryCrowd
{
    private static readonly double[] NatShares = [0.375, 0.3125, 0.1875, 0.125];

    public static IReadOnlyList<OrdinaryShopper> Draw(int count, string runId, AddressPlan addresses, TimeSpan opensIn, int seed)
    {
        var random = new Random(seed);
        var shoppers = new List<OrdinaryShopper>(count);
        string? household = null;
        for (var n = 0; n < count; n++)
        {
            string address, where;
            Browser browser;
            if (random.NextDouble() < 0.4)
            {
                var nat = Nat(random.NextDouble());
                (address, where) = (addresses.CarrierNat(nat, random.Next(AddressPlan.NatAddresses)), $"carrier NAT {nat + 1}");
                browser = Browsers.Pick(Browsers.Phones, random);
            }
            else
            {
                // A third of home shoppers share the address of the household drawn before them.
                household = household is not null && random.NextDouble() < 0.35 ? household : addresses.Home(random.Next(AddressPlan.HomeRanges), random.Next(254));
                (address, where) = (household, "home");
                browser = Browsers.Pick(random.NextDouble() < 0.5 ? Browsers.Phones : Browsers.Desktops, random);
            }

            var headers = browser.With(random.NextDouble() < 0.85 ? "zh-CN" : "en");
            var late = random.NextDouble() < 0.1;
            var claimsAt = late
                ? TimeSpan.FromSeconds(1.5 + 3.5 * random.NextDouble())
                : TimeSpan.FromSeconds(Math.Min(15, 0.15 + 0.9 * Math.Exp(0.8 * Normal(random))));
            var readsAt = late
                ? claimsAt - TimeSpan.FromSeconds(0.5 + 1.5 * random.NextDouble())
                : -TimeSpan.FromSeconds(0.5 + (opensIn.TotalSeconds - 1.5) * random.NextDouble());
            shoppers.Add(new OrdinaryShopper(n, $"{runId}-shopper-{n}", Guid.NewGuid().ToString(), address, where, headers, readsAt, claimsAt));
        }

        return shoppers;
    }

    private static int Nat(double draw)
    {
        for (var nat = 0; nat < NatShares.Length; nat++)
        {
            if ((draw -= NatShares[nat]) < 0)
            {
                return nat;
            }
        }

        return NatShares.Length - 1;
    }

    // Box-Muller: a standard normal draw from two uniform ones.
    private static double Normal(Random random) => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
