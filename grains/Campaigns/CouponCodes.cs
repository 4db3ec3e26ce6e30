using System.Security.Cryptography;

namespace FlashSale.Grains.Campaigns;

/// <summary>Coupon codes: 120 random bits in 24 characters of Crockford's base32 (no I, L, O, U to misread).</summary>
public static class CouponCodes
{
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private const int RandomBytes = 15;

    public static string New()
    {
        Span<byte> random = stackalloc byte[RandomBytes];
        RandomNumberGenerator.Fill(random);
        Span<char> code = stackalloc char[RandomBytes * 8 / 5];
        var buffer = 0;
        var bits = 0;
        var next = 0;
        foreach (var b in random)
        {
            buffer = (buffer << 8) | b;
            bits += 8;
            while (bits >= 5)
            {
                bits -= 5;
                code[next++] = Alphabet[(buffer >> bits) & 31];
            }
        }

        return new string(code);
    }
}
